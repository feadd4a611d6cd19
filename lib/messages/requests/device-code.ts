/** The device flow's code as options show it: type `userCode` at `verificationUri` before `expiresAt`. */
export interface DeviceCodeView {
  userCode: string;
  verificationUri: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}
