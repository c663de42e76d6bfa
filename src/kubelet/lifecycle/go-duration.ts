/**
 * Go's time.Duration.String() for durations the kubelet prints in events and
 * messages (`back-off 1m20s`, `in 6.812s`, `in 512ms`): whole units down to
 * seconds, fractional seconds without trailing zeros, milliseconds below 1s.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${trimZeros((Math.round(ms * 1000) / 1000).toFixed(3))}ms`;
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds - hours * 3600 - minutes * 60;
  const secondsText = `${trimZeros(seconds.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
