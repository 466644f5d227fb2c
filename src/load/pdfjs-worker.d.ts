/** pdfjs-dist ships no types for its worker module; this project only imports it for its effect. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** pdfjs-dist's image decoders (JPEG, JPEG 2000, JBIG2), typed as far as `image.ts` uses the JPEG one. */
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGB?: boolean; forceRGBA?: boolean }): Uint8Array | Uint8ClampedArray;
  }
}
