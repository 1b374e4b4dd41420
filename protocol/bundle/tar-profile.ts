// The bundle's tar profile (docs/SEAL-FORMAT.md, "The tar profile"): the narrow subset of POSIX
// ustar that every reader — GNU tar, the tar-stream library we read with, Python's tarfile —
// interprets byte for byte alike. A library parses the archive; these rules check what it cannot
// be asked about (the raw header fields), so that an archive one reader would see differently is
// refused instead of verified. Written by the device (bundle-writer.ts), checked by every reader.

export const BLOCK = 512;
/** The member name: one header field, no ustar prefix, no extension records. */
export const NAME_MAX_BYTES = 100;

/** Lower-case ASCII segments joined by '/': nothing absolute, no '.', '..' or hidden names, no backslash. */
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** Why a member name is outside the profile, in Chinese (null: allowed). */
export function nameProblem(name: string): string | null {
  if (name.startsWith('/')) return '是绝对路径';
  if (name.includes('\\')) return '含反斜杠';
  if (name.split('/').some((s) => s === '..')) return '含“..”';
  if (Buffer.byteLength(name, 'utf8') > NAME_MAX_BYTES) return `超过${NAME_MAX_BYTES}字节`;
  if (!name.split('/').every((s) => SEGMENT.test(s)))
    return '含不允许的字符（只允许小写字母、数字和 . _ - ，以 / 分隔，各段不以 . 开头）';
  return null;
}

// Numeric fields: octal digits (leading spaces allowed), then only spaces or NULs — the form GNU
// tar, tar-stream and tarfile all read as the same number. The size may also be base-256 (first
// byte 0x80, for members of 8 GiB and more), which all three read alike as well.
const OCTAL = /^ *[0-7]*[ \0]*$/;
const FIELDS: [string, number, number][] = [
  ['mode', 100, 8],
  ['uid', 108, 8],
  ['gid', 116, 8],
  ['size', 124, 12],
  ['mtime', 136, 12],
  ['chksum', 148, 8],
  ['devmajor', 329, 8],
  ['devminor', 337, 8],
];

const KINDS: Record<string, string> = {
  '\0': '旧式普通文件',
  '1': '硬链接',
  '2': '符号链接',
  '3': '字符设备',
  '4': '块设备',
  '5': '目录',
  '6': 'FIFO',
  '7': '连续文件',
};

const zero = (b: Uint8Array) => b.every((x) => x === 0);

/** What in a member's raw header block is outside the profile (empty: conforming). */
export function headerProblems(h: Buffer): string[] {
  const problems: string[] = [];
  if (h.toString('latin1', 257, 263) !== 'ustar\0' || h.toString('latin1', 263, 265) !== '00')
    problems.push('不是 POSIX ustar 头（magic 须为 "ustar\\0"、version 为 "00"）');
  if (h[156] !== 0x30) {
    const flag = String.fromCharCode(h[156]!);
    problems.push(
      `是${KINDS[flag] ?? '其他类型的条目'}（类型标志 ${JSON.stringify(flag)}），封存包只允许普通文件（"0"）`,
    );
  }
  if (!zero(h.subarray(157, 257))) problems.push('带有链接目标（linkname）');
  if (!zero(h.subarray(345, 500))) problems.push('使用了 ustar 前缀字段（prefix）');
  for (const [field, at, len] of FIELDS) {
    const raw = h.subarray(at, at + len);
    if (field === 'size' && raw[0] === 0x80) continue;
    if (!OCTAL.test(raw.toString('latin1'))) problems.push(`数值字段 ${field} 不是八进制数字`);
  }
  return problems;
}

/** An all-zero block: the end-of-archive marker is two of them. */
export const isZeroBlock = zero;

export const padded = (size: number) => Math.ceil(size / BLOCK) * BLOCK;
