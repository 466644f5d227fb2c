// pdfkit ships no types; the tests use a few of its methods to make PDFs with annotations.
declare module 'pdfkit';
