/**
 * The container name `kubectl create deployment` derives from an image
 * (create_deployment.go parseImageName + sanitizeAndUniquify): the last path
 * segment without tag or digest; a name with `_` or `.` gets them turned into
 * `-` and a 5-character suffix. kubectl draws that suffix at random; here it
 * is derived from the image so runs repeat.
 */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function suffixFor(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
    h = Math.floor(h / SUFFIX_ALPHABET.length) + Math.imul(h, 31) >>> 0;
  }
  return out;
}

export function containerNameForImage(image: string): string {
  let name = image.split('@')[0];
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffixFor(image)}`;
  return name;
}
