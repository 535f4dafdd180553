import { useEffect, useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';

/** A search box that reports its value 300 ms after typing stops. */
export function SearchInput({
  value,
  onSearch,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  // Follow outside changes (e.g. filters cleared) but keep what the user is typing.
  useEffect(() => {
    setText((cur) => (cur.trim() === value ? cur : value));
  }, [value]);
  const report = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);
  return (
    <TextInput
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onSearch(text.trim());
        }
      }}
      {...rest}
    />
  );
}
