// A received document's PDF as HQ prints it (the web page's 预览PDF, the 证据包): the seal's
// stored signature records and images handed to SealedPrinter, which prints only when the
// device's print input reproduces the sealed document's hash.
import type { ReceivedDocument } from '../browse/browse.ts';
import type { HqApp } from '../hq-app.ts';

export async function printReceived(hq: HqApp, d: ReceivedDocument) {
  const stored = new Map(
    (await hq.browse.sealSignatures(d.deviceId, d.seq)).map((r) => [
      r.signature_id,
      { record: r.record, image: r.image_png },
    ]),
  );
  return hq.printer.print(d.printInput, d.payload, { sha256: d.sealSha256, sm3: d.sealSm3 }, stored);
}
