/** One reason a plan file was refused; `path` is like `sections[3].blocks[2].targetGroups[0]`. */
export interface ImportError {
  path: string;
  message: string;
}

/** "sections[3].blocks[2].targetGroups[0]: unknown code 'foo'" */
export function formatImportError(error: ImportError): string {
  return error.path === '' ? error.message : `${error.path}: ${error.message}`;
}
