/**
 * Hands an export the host wrote for the browser (the harness) to the browser's downloads: a
 * same-origin link with the suggested name, clicked once.
 */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
