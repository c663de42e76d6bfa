/**
 * One command a scenario ran and what it printed, attached to the cucumber
 * messages when KUBE_SCENARIOS_RECORD_OUTPUTS=1 so two runs can be compared.
 */
export const COMMAND_RECORD_MEDIA_TYPE = 'application/vnd.kube-scenarios.command+json';

export interface CommandRecord {
  command: string;
  place: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}
