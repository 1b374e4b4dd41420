// Small zod building blocks with Chinese messages, shared by every form schema.
import { z } from 'zod';

/** A required single-line text field: trimmed, 1..max characters (code points, so 生僻字 count once). */
export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .refine((s) => s.length > 0, { message: `请填写${label}。` })
    .refine((s) => [...s].length <= max, { message: `${label}不能超过${max}个字。` });

/** An optional single-line text field: trimmed; empty becomes "". */
export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .refine((s) => [...s].length <= max, { message: `${label}不能超过${max}个字。` })
    .default('');

const PHONE = /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4}|\d{7,8})$/;

export const phoneField = (label = '联系电话', required = false) =>
  (required ? requiredText(label, 30) : optionalText(label, 30)).refine(
    (s) => s === '' || PHONE.test(s.replace(/\s/g, '')),
    {
      message: `${label}格式不正确：请填写11位手机号或带区号的固定电话（如 0772-1234567）。`,
    },
  );
