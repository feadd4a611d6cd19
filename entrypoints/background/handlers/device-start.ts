import type { DeviceCodeView, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

export function deviceStart(request: Request<'device-start'>, context: BackgroundContext): Promise<DeviceCodeView> {
  return context.device.start(request.origin, request.clientId);
}
