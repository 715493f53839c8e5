/** Office.js's callback style, as promises. */

/** Runs an Office `…Async(…, callback)` call and resolves with its value. */
export function officeAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office request failed'));
    });
  });
}
