// Why the camera or microphone could not be used, in Chinese, from the error's name (the
// DOMException names of getUserMedia and MediaRecorder). The browser's own text is English and
// varies by browser; it is never shown nor stored in the case record.

/** 「没有找到摄像头或麦克风」 …: what the screen shows and the record keeps after 未录像. */
export function mediaFailureReason(e: unknown): string {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return '没有找到摄像头或麦克风（本机没有，或未连接）';
    case 'NotReadableError':
    case 'TrackStartError':
      return '摄像头或麦克风正被其他程序占用，或设备出现故障';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return '使用摄像头或麦克风的权限被拒绝';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return '摄像头不支持所需的画面规格';
    case 'AbortError':
      return '打开摄像头或麦克风时被中断';
    case 'NotSupportedError':
    case 'TypeError':
      return '本机环境不支持录像';
    default:
      return '摄像头或麦克风无法使用（其他原因）';
  }
}

/** What to do when the sitting goes on without a recording. */
export const NO_RECORDING_NEXT =
  '签名可以继续；有人拒绝签名、不在场或无法签名的，须请在场的见证人在「见证人」栏签名后再记录（两名执法人员确认理由），不能以录像为据。';
