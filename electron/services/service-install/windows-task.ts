/**
 * Windows: a scheduled task that starts the headless console at boot as SYSTEM and restarts it
 * when it fails, registered with schtasks from a task XML (schtasks' own flags cannot set the
 * restart policy). Generated and unit-tested here; it cannot be run on this Linux machine.
 * Caveats (README): Task Scheduler's restart applies when the task fails; a data folder under a
 * user's %APPDATA% is readable by SYSTEM, and run\owner.json is protected by the folder's ACL,
 * not by POSIX modes.
 */
export const TASK_NAME = 'VoiceOps Admin';

export interface TaskSpec {
  nodePath: string;
  cliPath: string;
  appRoot: string;
  dataDir: string;
  port: number;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One argument of a Windows command line (CommandLineToArgvW rules): quoted when needed, quotes escaped. */
export function windowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

export function taskArguments(spec: TaskSpec): string {
  return [spec.cliPath, 'serve', '--service', '--data-dir', spec.dataDir, '--port', String(spec.port)].map(windowsArg).join(' ');
}

/** The task definition: boot trigger, SYSTEM, no time limit, restart every minute on failure. */
export function taskXml(spec: TaskSpec): string {
  return `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>VoiceOps Admin headless console (owns the data folder: backups, verification, metrics). Written by voiceops service install.</Description>
  </RegistrationInfo>
  <Triggers>
    <BootTrigger>
      <Enabled>true</Enabled>
    </BootTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>S-1-5-18</UserId>
      <RunLevel>HighestAvailable</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>${xml(spec.nodePath)}</Command>
      <Arguments>${xml(taskArguments(spec))}</Arguments>
      <WorkingDirectory>${xml(spec.appRoot)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
`;
}

/** The task XML as schtasks reads it: UTF-16 LE with a byte-order mark. */
export function taskXmlBytes(spec: TaskSpec): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(taskXml(spec), 'utf16le')]);
}

export const schtasks = {
  create: (xmlFile: string) => ['/Create', '/TN', TASK_NAME, '/XML', xmlFile, '/F'],
  run: () => ['/Run', '/TN', TASK_NAME],
  query: () => ['/Query', '/TN', TASK_NAME, '/V', '/FO', 'LIST'],
  end: () => ['/End', '/TN', TASK_NAME],
  delete: () => ['/Delete', '/TN', TASK_NAME, '/F'],
};

/** Reads "Status:" and "Last Run Time:" (and the task's command) from `schtasks /Query /V /FO LIST`. */
export function parseTaskQuery(text: string): { status: string | null; lastRun: string | null; taskToRun: string | null } {
  const field = (name: string): string | null => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  return { status: field('Status'), lastRun: field('Last Run Time'), taskToRun: field('Task To Run') };
}
