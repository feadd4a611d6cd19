/**
 * GitHub's REST error answers. Every body has `message` and `documentation_url` (the docs page
 * of the operation, or the REST root for errors not tied to one) and, as GitHub now sends,
 * `status` as a string; validation failures add `errors[]` (`resource`, `code`, `field` or
 * `message`), as in the recorded 422 of octokit/fixtures.
 */
export const REST_DOCS = 'https://docs.github.com/rest';

export interface ValidationErrorItem {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: { documentationUrl?: string; errors?: ValidationErrorItem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  body(operationDocs: string): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.options.errors ? { errors: this.options.errors } : {}),
      documentation_url: this.options.documentationUrl ?? operationDocs,
      status: String(this.status),
    };
  }
}

export const notFound = (): RestError => new RestError(404, 'Not Found');

/** 422 "Validation Failed" with one item, GitHub's envelope for invalid input. */
export const validationFailed = (item: ValidationErrorItem): RestError => new RestError(422, 'Validation Failed', { errors: [item] });
