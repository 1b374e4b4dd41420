// The sealed bundle's format name (docs/SEAL-FORMAT.md): written by the device, checked by every reader.
export const BUNDLE_FORMAT = 'wangxin-field-bundle/1';
