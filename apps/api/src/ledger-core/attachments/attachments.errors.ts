import { ATTACHMENT_STAGE_LABELS, ATTACHMENT_STAGES, ErrorCode } from '@fazhi/contracts';
import { AppException, forbidden, invalidField, notFound } from '../../common/app-exception';
import { REFUSED_LABELS, RefusedKind } from './file-types';

export const AttachmentErrorCode = {
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  NOT_MULTIPART: 'NOT_MULTIPART',
  UPLOAD_INCOMPLETE: 'UPLOAD_INCOMPLETE',
} as const;

const ALLOWED_ZH = '仅支持照片(JPEG、PNG、WebP、HEIC)、视频(MP4、MOV)、PDF 和 Office 文档';
const ALLOWED_EN = 'accepted are photos (JPEG, PNG, WebP, HEIC), videos (MP4, MOV), PDF and Office documents';

/** Megabytes (MiB) for people: `50`, `2.5`, or two significant digits below one (`0.002`). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (Number.isInteger(mb)) return String(mb);
  return String(mb >= 1 ? Number(mb.toFixed(1)) : Number(mb.toPrecision(2)));
}

export const fileTooLarge = (fileName: string, maxBytes: number) =>
  new AppException(413, ErrorCode.PAYLOAD_TOO_LARGE, {
    zh: `文件“${fileName}”超过大小上限 ${formatMegabytes(maxBytes)} MB`,
    en: `The file "${fileName}" is larger than the ${formatMegabytes(maxBytes)} MB limit`,
  });

export function unsupportedFileType(fileName: string, refused: RefusedKind): AppException {
  const label = REFUSED_LABELS[refused];
  const messages =
    refused === 'unknown'
      ? { zh: `文件“${fileName}”的类型不受支持，${ALLOWED_ZH}`, en: `The file "${fileName}" is of a type that is not accepted; ${ALLOWED_EN}` }
      : { zh: `文件“${fileName}”是${label.zh},不允许上传;${ALLOWED_ZH}`, en: `The file "${fileName}" is ${label.en} and cannot be uploaded; ${ALLOWED_EN}` };
  return new AppException(415, AttachmentErrorCode.UNSUPPORTED_FILE_TYPE, messages);
}

export const notMultipart = () =>
  new AppException(400, AttachmentErrorCode.NOT_MULTIPART, {
    zh: '请以 multipart/form-data 表单上传文件',
    en: 'Upload files as multipart/form-data',
  });

export const uploadIncomplete = () =>
  new AppException(400, AttachmentErrorCode.UPLOAD_INCOMPLETE, {
    zh: '上传未完成，请重试',
    en: 'The upload did not complete; please try again',
  });

export const invalidStage = () =>
  invalidField('stage', 'isIn', {
    zh: `附件阶段应为以下之一:${ATTACHMENT_STAGES.map((s) => `${ATTACHMENT_STAGE_LABELS[s].zh}(${s})`).join('、')}`,
    en: `stage must be one of ${ATTACHMENT_STAGES.join(', ')}`,
  });

export const noFile = () => invalidField('file', 'required', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });

export const emptyFile = (fileName: string) => invalidField('file', 'notEmpty', { zh: `文件“${fileName}”是空文件`, en: `The file "${fileName}" is empty` });

export const tooManyFiles = (maxFiles: number) => invalidField('file', 'arrayMaxSize', { zh: `一次最多上传 ${maxFiles} 个文件`, en: `At most ${maxFiles} files at a time` });

export const tooManyParts = () => new AppException(400, ErrorCode.BAD_REQUEST, { zh: '表单中的字段过多', en: 'The form has too many fields' });

export const unknownField = (name: string) => invalidField(name.slice(0, 100), 'whitelistValidation', { zh: '不允许的字段', en: 'This field is not allowed' });

export const fieldTooLong = (name: string) => invalidField(name.slice(0, 100), 'maxLength', { zh: '字段内容过长', en: 'This field is too long' });

export const attachmentNotFound = () => notFound({ zh: '附件不存在', en: 'Attachment not found' });

export const noThumbnail = () => notFound({ zh: '该附件没有缩略图', en: 'This attachment has no thumbnail' });

export const contentMissing = () => notFound({ zh: '附件文件缺失，请联系管理员', en: 'The attachment file is missing; contact the administrator' });

/** A document holding personal data in full (e.g. a generated agreement) opens only with the unmask permission. */
export const personalDocument = () =>
  forbidden({ zh: '该文件含当事人完整个人信息，需“查看完整个人信息”权限才能下载', en: 'This file holds personal data in full; downloading it needs the unmask permission' });
