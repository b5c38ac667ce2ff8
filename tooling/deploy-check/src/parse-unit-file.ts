/** A systemd unit file as `section → key → values` (a key may repeat); comments and blank lines dropped. */
export type UnitFile = Record<string, Record<string, string[]>>;

export function parseUnitFile(text: string): UnitFile {
  const unit: UnitFile = {};
  let section: Record<string, string[]> | undefined;
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = unit[header[1]!] ?? {};
      unit[header[1]!] = section;
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (!entry || !section)
      throw new Error(`line ${index + 1} is not "Key=value" inside a [Section]: ${raw}`);
    const values = section[entry[1]!] ?? [];
    values.push(entry[2]!);
    section[entry[1]!] = values;
  }
  return unit;
}
