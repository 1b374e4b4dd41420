// Signing one slot: the signer's name (and ID number for a witness), the officer's own password
// for an officer's slot, and the mark — a handwritten signature on the pad, or a 捺指印 / 盖章
// captured as an image. For an organisation, the person who signs for it, their position and
// authority (法定代表人 / 负责人, or 受委托人 with the 授权委托书 as evidence of the case).
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useRef, useState } from 'react';
import type { RequiredSlot, SignMark } from '../../shared/signatures/signature-api.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { MarkCapture, type MarkImage } from './MarkCapture.tsx';
import { SignaturePadField, type PadHandle } from './SignaturePadField.tsx';

/** On what authority a person acts for an organisation (the sign and refusal dialogs). */
export const AUTHORITY_OPTIONS = [
  { value: '法定代表人', label: '法定代表人' },
  { value: '负责人', label: '负责人' },
  { value: '受委托人', label: '受委托人' },
];

export interface SignValues {
  signerName: string;
  signerIdNumber: string;
  officerPassword: string;
  imagePngBase64: string;
  strokes: [number, number, number, number][][] | null;
  mark: SignMark;
  capture: 'pad' | 'camera' | 'photo';
  onBehalfOf: string;
  signerRole: string;
  authority: '' | '法定代表人' | '负责人' | '受委托人';
  authorisationEvidenceId: string;
}

interface FormValues {
  signerName: string;
  signerIdNumber: string;
  officerPassword: string;
  onBehalfOf: string;
  signerRole: string;
  authority: SignValues['authority'];
  authorisationEvidenceId: string;
}

export function SignDialog({
  slot,
  officer,
  organisation,
  evidence,
  mirrored = false,
  onSign,
  onClose,
}: {
  slot: RequiredSlot;
  officer: OfficerPublic | undefined;
  /** The case's party when it is an organisation and this slot signs for it. */
  organisation: string | null;
  /** The case's evidence items, to pick the 授权委托书 from. */
  evidence: { id: string; fileName: string }[];
  /** An officer's end slot that the per-page slots show again: signing is consent to that reuse. */
  mirrored?: boolean;
  onSign: (v: SignValues) => Promise<string | null>;
  onClose: () => void;
}) {
  const pad = useRef<PadHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [mark, setMark] = useState<SignMark>('签名');
  const [image, setImage] = useState<MarkImage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const authority = Form.useWatch('authority', form);
  const isOfficer = slot.officerId !== null;
  const markLabel = mark === '盖章' ? '印章' : '指印';
  const submit = async () => {
    const v = form.getFieldsValue(true);
    let drawn: { imagePngBase64: string; strokes: SignValues['strokes']; capture: SignValues['capture'] };
    if (mark === '签名') {
      if (!pad.current || pad.current.isEmpty()) return setError('请先在框内签名。');
      drawn = { ...pad.current.read(), capture: 'pad' };
    } else {
      if (!image) return setError(`请先拍摄或导入${markLabel}的图像。`);
      drawn = { imagePngBase64: image.imagePngBase64, strokes: null, capture: image.capture };
    }
    setBusy(true);
    setError(null);
    const err = await onSign({
      signerName: isOfficer ? (officer?.name ?? '') : (v.signerName ?? '').trim(),
      signerIdNumber: (v.signerIdNumber ?? '').trim(),
      officerPassword: v.officerPassword ?? '',
      mark,
      onBehalfOf: organisation ? (v.onBehalfOf ?? '').trim() : '',
      signerRole: organisation ? (v.signerRole ?? '').trim() : '',
      authority: organisation ? (v.authority ?? '') : '',
      authorisationEvidenceId: organisation && v.authority === '受委托人' ? (v.authorisationEvidenceId ?? '') : '',
      ...drawn,
    });
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  const ready = mark === '签名' ? !empty : image !== null;
  return (
    <Modal
      open
      title={`签名：${slot.label}`}
      width={720}
      okText={mark === '签名' ? '确认签名' : `确认${mark}`}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !ready, loading: busy, 'data-testid': 'sign-confirm' } as never}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{
          signerName: organisation && slot.signerName === organisation ? '' : slot.signerName,
          signerIdNumber: '',
          officerPassword: '',
          onBehalfOf: organisation ?? '',
          signerRole: '',
          authority: '',
          authorisationEvidenceId: '',
        }}
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
            <Form.Item label={organisation ? '签名人姓名（本人）' : `${slot.role}姓名`} name="signerName">
              <Input data-testid="sign-name" style={{ width: 160 }} maxLength={40} />
            </Form.Item>
            <Form.Item label={slot.role === '见证人' ? '身份证件号码（必填）' : '身份证件号码'} name="signerIdNumber">
              <Input data-testid="sign-id" style={{ width: 220 }} maxLength={30} />
            </Form.Item>
            {organisation && (
              <>
                <Form.Item label="代表单位" name="onBehalfOf">
                  <Input data-testid="sign-org" style={{ width: 260 }} maxLength={100} />
                </Form.Item>
                <Form.Item label="职务" name="signerRole">
                  <Input data-testid="sign-role" style={{ width: 140 }} maxLength={40} placeholder="如：总经理" />
                </Form.Item>
                <Form.Item label="身份" name="authority">
                  <Radio.Group data-testid="sign-authority" options={AUTHORITY_OPTIONS} />
                </Form.Item>
                {authority === '受委托人' && (
                  <Form.Item label="授权委托书（本案电子数据）" name="authorisationEvidenceId">
                    <Select
                      style={{ width: 320 }}
                      data-testid="sign-authorisation"
                      placeholder={
                        evidence.length ? '选择授权委托书的照片或扫描件' : '请先将授权委托书作为电子数据导入'
                      }
                      options={evidence.map((e) => ({ value: e.id, label: e.fileName }))}
                    />
                  </Form.Item>
                )}
              </>
            )}
            <Form.Item label="方式">
              <Radio.Group
                value={mark}
                onChange={(e) => {
                  setMark(e.target.value as SignMark);
                  setError(null);
                }}
                data-testid="sign-mark"
                options={[
                  { value: '签名', label: '签名' },
                  { value: '捺指印', label: '捺指印' },
                  { value: '盖章', label: '盖章' },
                ]}
              />
            </Form.Item>
          </>
        )}
      </Form>
      {isOfficer && mirrored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="sign-reuse"
          title="本签名将在各页的签名栏中复用；确认签名即表示同意。打印时另页注明各页签名系本次所签、经本人同意复用。"
        />
      )}
      {mark === '签名' ? (
        <SignaturePadField ref={pad} onChange={setEmpty} />
      ) : (
        <MarkCapture key={mark} what={markLabel} onImage={setImage} />
      )}
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={<span data-testid="sign-error">{error}</span>} />
      )}
    </Modal>
  );
}
