import type { TFunction } from 'i18next';
import type { CheckValue, HardwareCheck } from '../../../electron/api/index.js';
import { formatBytes } from '../../components/format-bytes';

/** Memory and GPU memory are sold in binary GB ("16 GB" = 16 GiB); disks in decimal GB. */
const BINARY = new Set<HardwareCheck['id']>(['memory', 'gpu-memory']);

export function formatMemory(bytes: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1024 ** 3)} GB`;
}

export function formatCheckValue(id: HardwareCheck['id'], value: CheckValue, t: TFunction, language: string): string {
  if (value.value === null) return t('setupWizard.hardware.unknown');
  if (value.unit === 'cores') return t('setupWizard.cores', { count: Number(value.value) });
  if (value.unit === 'bytes') return BINARY.has(id) ? formatMemory(Number(value.value), language) : formatBytes(Number(value.value), language);
  if (id === 'disk-type' && (value.value === 'nvme' || value.value === 'ssd' || value.value === 'hdd')) return t(`setupWizard.diskKinds.${value.value}`);
  return String(value.value);
}
