// The public surface of lib/experiments: where GitHub data meets DVC.

/** Whether a comment body is a CML report, and what its watermark says (reusable by other tools). */
export { cmlWatermark, type CmlWatermark } from './ci/cml-watermark';
