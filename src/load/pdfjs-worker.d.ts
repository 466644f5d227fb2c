/** pdfjs-dist ships no types for its worker module; this project only imports it for its effect. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
