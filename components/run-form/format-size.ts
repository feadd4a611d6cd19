/** Bytes as a person reads them (1024-based, as DVC and GitHub show sizes). */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return 'size unknown';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${unit === 0 ? n : n.toFixed(1)} ${units[unit]}`;
}
