import { z } from 'zod';
import { MODEL_FORMATS } from '../../api/index.js';
import type { Manifest } from './manifest.js';

/**
 * A bundle is a plain tar file (readable with `tar tf`), written in this order:
 *   voiceops-bundle.json   what is inside: versions with their manifests, the staff member
 *   blobs/<sha256>         each distinct file once, named by its digest
 *   SHA256SUMS             "<digest>  blobs/<digest>" lines, checkable with `sha256sum -c`
 */
export const BUNDLE_INDEX = 'voiceops-bundle.json';
export const BUNDLE_SUMS = 'SHA256SUMS';
export const BUNDLE_BLOB = /^blobs\/([0-9a-f]{64})$/;
export const BUNDLE_EXTENSION = '.voiceops-bundle';

const manifestFileSchema = z.object({
  path: z.string().min(1).max(512).refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'unsafe path'),
  role: z.string().min(1).max(64),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const bundleIndexSchema = z.object({
  kind: z.literal('voiceops-bundle'),
  schema: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  staff: z.object({ code: z.string(), name: z.string() }).nullable(),
  versions: z
    .array(
      z
        .object({
          schema: z.literal(1),
          line: z.string(),
          version: z.string(),
          format: z.enum(MODEL_FORMATS),
          files: z.array(manifestFileSchema).min(1),
        })
        .passthrough(),
    )
    .min(1),
});
export type BundleIndex = Omit<z.infer<typeof bundleIndexSchema>, 'versions'> & { versions: Manifest[] };
