// Signing one slot: the signer's name (and ID number for a witness), the officer's own password
// for an officer's slot, and the handwritten signature.
import { Alert, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import type { RequiredSlot } from '../../shared/signatures/signature-api.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { SignaturePadField, type PadHandle } from './SignaturePadField.tsx';

export interface SignValues {
  signerName: string;
  signerIdNumber: string;
  officerPassword: string;
  imagePngBase64: string;
  strokes: [number, number, number, number][][];
}

export function SignDialog({
  slot,
  officer,
  onSign,
  onClose,
}: {
  slot: RequiredSlot;
  officer: OfficerPublic | undefined;
  onSign: (v: SignValues) => Promise<string | null>;
  onClose: () => void;
}) {
  const pad = useRef<PadHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ signerName: string; signerIdNumber: string; officerPassword: string }>();
  const isOfficer = slot.officerId !== null;
  const submit = async () => {
    const v = form.getFieldsValue(true);
    if (!pad.current || pad.current.isEmpty()) return setError('请先在框内签名。');
    setBusy(true);
    setError(null);
    const err = await onSign({
      signerName: isOfficer ? (officer?.name ?? '') : (v.signerName ?? '').trim(),
      signerIdNumber: (v.signerIdNumber ?? '').trim(),
      officerPassword: v.officerPassword ?? '',
      ...pad.current.read(),
    });
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal
      open
      title={`签名：${slot.label}`}
      width={720}
      okText="确认签名"
      onOk={() => void submit()}
      okButtonProps={{ disabled: empty, loading: busy, 'data-testid': 'sign-confirm' } as never}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ signerName: slot.signerName, signerIdNumber: '', officerPassword: '' }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        {isOfficer ? (
          <>
            <Form.Item label="签名人">
              <b>{officer ? `${officer.name}（执法证号 ${officer.certNo}）` : '文书未指定执法人员'}</b>
            </Form.Item>
            <Form.Item label="本人密码" name="officerPassword">
              <Input.Password autoComplete="off" data-testid="sign-password" style={{ width: 180 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label={`${slot.role}姓名`} name="signerName">
              <Input data-testid="sign-name" style={{ width: 160 }} maxLength={40} />
            </Form.Item>
            <Form.Item label={slot.role === '见证人' ? '身份证件号码（必填）' : '身份证件号码'} name="signerIdNumber">
              <Input data-testid="sign-id" style={{ width: 220 }} maxLength={30} />
            </Form.Item>
          </>
        )}
      </Form>
      <SignaturePadField ref={pad} onChange={setEmpty} />
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={<span data-testid="sign-error">{error}</span>} />
      )}
    </Modal>
  );
}
