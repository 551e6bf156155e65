import { HttpClient } from '@angular/common/http';
import { Observable, map } from 'rxjs';

/** The file name a `Content-Disposition` header gives (the UTF-8 `filename*` first), or null. */
export function dispositionFileName(header: string | null): string | null {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (extended) return decodeURIComponent(extended[1].trim());
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? null;
}

/**
 * Downloads a file that answers a POST (e.g. an export whose filters hold a person search, which
 * never travels in a URL) and saves it under the name the server gives.
 */
export function postDownload(http: HttpClient, url: string, body: object, fallbackName: string): Observable<void> {
  return http.post(url, body, { responseType: 'blob', observe: 'response' }).pipe(
    map((res) => {
      const href = URL.createObjectURL(res.body ?? new Blob());
      const link = document.createElement('a');
      link.href = href;
      link.download = dispositionFileName(res.headers.get('Content-Disposition')) ?? fallbackName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(href), 30_000);
    }),
  );
}
