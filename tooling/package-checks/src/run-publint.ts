import { publint } from "publint";
import { formatMessage } from "publint/utils";

/** publint's messages (suggestions and warnings included, warnings as errors) for a packed tarball. */
export async function publintMessages(tarball: Uint8Array): Promise<string[]> {
  const buffer = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength);
  const { messages, pkg } = await publint({
    pack: { tarball: buffer as ArrayBuffer },
    level: "suggestion",
    strict: true,
  });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`);
}
