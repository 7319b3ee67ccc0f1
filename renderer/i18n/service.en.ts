/** Strings of the "always on" service (issue 9): the badge and the owner line of System status. */
export const serviceEn = {
  badge: 'Running as a service',
  badgeHint: 'The system service (process {{pid}}, since {{since}}) owns this data folder: backups, verification and metrics keep running when no window is open.',
  owner: 'Data folder owner',
  ownedBy: {
    'this-process': 'This process',
    service: 'System service',
    'another-process': 'Another process',
    nobody: 'Nobody',
  },
  ownerDetail: 'process {{pid}} on {{hostname}}, since {{since}}',
};
export type ServiceMessages = typeof serviceEn;
