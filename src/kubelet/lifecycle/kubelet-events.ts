/**
 * The kubelet's event reasons and messages (Kubernetes 1.31:
 * pkg/kubelet/events/event.go reasons; texts from pkg/kubelet/images/image_manager.go,
 * kuberuntime_container.go, kuberuntime_manager.go doBackOff, prober/prober.go,
 * volumemanager). `Created container x` lost its colon form until 1.33.
 */
import { goDuration } from './go-duration.ts';

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

const normal = (reason: string, message: string): KubeletEvent => ({ type: 'Normal', reason, message });
const warning = (reason: string, message: string): KubeletEvent => ({ type: 'Warning', reason, message });

export const kubeletEvents = {
  pulling: (image: string) => normal('Pulling', `Pulling image "${image}"`),
  pulled: (image: string, pullMs: number, totalMs: number, sizeBytes: number) =>
    normal('Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`),
  alreadyPresent: (image: string) => normal('Pulled', `Container image "${image}" already present on machine`),
  pullFailed: (image: string, error: string) => warning('Failed', `Failed to pull image "${image}": ${error}`),
  pullBackOff: (image: string) => normal('BackOff', `Back-off pulling image "${image}"`),
  neverPull: (image: string) => warning('ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`),
  inspectFailed: (image: string, error: string) => warning('InspectFailed', `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${error}`),
  /** `Error: ErrImagePull`, `Error: configmap "x" not found` ... */
  error: (message: string) => warning('Failed', `Error: ${message}`),
  created: (container: string) => normal('Created', `Created container ${container}`),
  started: (container: string) => normal('Started', `Started container ${container}`),
  killing: (container: string) => normal('Killing', `Stopping container ${container}`),
  livenessKill: (container: string, probe: 'liveness' | 'startup') => normal('Killing', `Container ${container} failed ${probe} probe, will be restarted`),
  crashBackOff: (container: string, podFullName: string) => warning('BackOff', `Back-off restarting failed container ${container} in pod ${podFullName}`),
  unhealthy: (probe: 'Readiness' | 'Liveness' | 'Startup', output: string) => warning('Unhealthy', `${probe} probe failed: ${output}`),
  probeErrored: (probe: 'Readiness' | 'Liveness' | 'Startup', error: string) => warning('Unhealthy', `${probe} probe errored: ${error}`),
  failedMount: (volume: string, error: string) => warning('FailedMount', `MountVolume.SetUp failed for volume "${volume}" : ${error}`),
};
