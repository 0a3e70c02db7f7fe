import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

export interface FormSubmitOptions {
  /** Shows the fields' errors and says whether the form may be sent. */
  validate: () => boolean;
  send: () => Promise<unknown>;
  /** Shows an error from the server next to its field and returns true; false puts it above the form. */
  showFieldError?: (error: unknown) => boolean;
  /** For forms that leave the page on success: the button stays disabled until the page is gone. */
  staysPendingOnSuccess?: boolean;
}

export interface FormSubmit {
  formError: string | null;
  isPending: boolean;
  onSubmit: (event: FormEvent) => void;
}

/** The submit handler of a form that sends one request: validation first, then a pending flag and the form-level error. */
export function useFormSubmit({ validate, send, showFieldError, staysPendingOnSuccess = false }: FormSubmitOptions): FormSubmit {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const submit = async (): Promise<void> => {
    setFormError(null);
    if (!validate()) return;
    setIsPending(true);
    try {
      await send();
      if (!staysPendingOnSuccess) setIsPending(false);
    } catch (error) {
      if (showFieldError?.(error) !== true) setFormError(apiErrorMessage(error, t));
      setIsPending(false);
    }
  };

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void submit();
  };
  return { formError, isPending, onSubmit };
}
