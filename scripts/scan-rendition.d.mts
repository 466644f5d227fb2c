/** See scan-rendition.mjs. */
export interface ScanOptions {
  /** Each page's turn in degrees, cycled. @default [0.6, -0.8, 1] */
  readonly angles?: readonly number[];
  /** Dark specks of 1–2 pixels per page. @default 1500 */
  readonly specks?: number;
  /** JPEG quality, 0–100. @default 60 */
  readonly quality?: number;
  readonly seed?: number;
}
export function scanRendition(images: readonly { readonly width: number; readonly height: number; readonly pixels: Uint8Array }[], options?: ScanOptions): Promise<Uint8Array>;
