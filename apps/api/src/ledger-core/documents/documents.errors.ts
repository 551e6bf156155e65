import { ErrorCode } from '@fazhi/contracts';
import { AppException } from '../../common/app-exception';

export const DocumentErrorCode = {
  TEMPLATE_NOT_DOCX: 'TEMPLATE_NOT_DOCX',
  TEMPLATE_PLACEHOLDERS_MISSING: 'TEMPLATE_PLACEHOLDERS_MISSING',
} as const;

export const templateNotDocx = () =>
  new AppException(400, DocumentErrorCode.TEMPLATE_NOT_DOCX, {
    zh: '模板须为 Word 文档（.docx），请用 Word 或 WPS 另存为 .docx 后上传',
    en: 'The template must be a Word document (.docx)',
  });

export const templateTooLarge = (maxBytes: number) =>
  new AppException(413, ErrorCode.PAYLOAD_TOO_LARGE, { zh: `模板文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, en: `The template may not exceed ${Math.round(maxBytes / 1024 / 1024)} MB` });

/** Names every placeholder the template lacks, as `{{当事人}}`. */
export const placeholdersMissing = (missing: string[]) =>
  new AppException(
    400,
    DocumentErrorCode.TEMPLATE_PLACEHOLDERS_MISSING,
    { zh: `模板缺少必需的占位符:${missing.map((m) => `{{${m}}}`).join('、')}`, en: `The template lacks the placeholders ${missing.map((m) => `{{${m}}}`).join(', ')}` },
    missing.map((m) => ({ path: 'file', code: 'placeholder', message: { zh: `缺少占位符 {{${m}}}`, en: `Missing placeholder {{${m}}}` } })),
    { missing },
  );
