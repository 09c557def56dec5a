import { useState } from 'react';

/**
 * Renders a scaffolder field as the form would: with its schema, an id, and
 * formData that follows onChange, reported to `onValue`.
 */
export function FieldHarness<T>(props: {
  field: (props: any) => JSX.Element | null;
  title: string;
  id: string;
  initial?: T;
  onValue?: (value: T | undefined) => void;
  rawErrors?: string[];
}) {
  const [formData, setFormData] = useState<T | undefined>(props.initial);
  const Field = props.field;
  return (
    <Field
      schema={{ title: props.title }}
      uiSchema={{}}
      idSchema={{ $id: props.id }}
      formData={formData}
      rawErrors={props.rawErrors ?? []}
      required
      onChange={(value: T | undefined) => {
        setFormData(value);
        props.onValue?.(value);
      }}
    />
  );
}
