import { PDFParse } from 'pdf-parse';

/** The text of a PDF as a reader extracts it, with runs of white space (line breaks) made single spaces. */
export async function readPdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}
