// The <option>s of a select over one of the domain's enums, each in words (labelOf).
import { labelOf } from '../../shared/format';

export function EnumOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labelOf(value)}
        </option>
      ))}
    </>
  );
}
