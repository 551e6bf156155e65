import { HttpProgressEvent } from '@angular/common/http';

/** An upload's progress in percent; half way when the browser does not tell the total. */
export const uploadPercent = (event: HttpProgressEvent): number => (event.total ? Math.round((event.loaded / event.total) * 100) : 50);
