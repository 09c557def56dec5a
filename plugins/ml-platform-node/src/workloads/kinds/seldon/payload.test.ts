import { examplePayload, signatureColumns } from './payload';

const MLMODEL = `artifact_path: model
flavors:
  python_function: {}
signature:
  inputs: '[{"type": "double", "name": "amount", "required": true}, {"type": "string", "name": "merchant", "required": true}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'
`;

describe('example payloads from the signature', () => {
  it("reads the input columns of an MLmodel file's signature", () => {
    expect(signatureColumns(MLMODEL)).toEqual([
      { type: 'double', name: 'amount', required: true },
      { type: 'string', name: 'merchant', required: true },
    ]);
  });

  it('has no columns without a signature, or for what is not an MLmodel file', () => {
    expect(signatureColumns('flavors: {}')).toEqual([]);
    expect(signatureColumns('<html>login</html>')).toEqual([]);
    expect(signatureColumns('signature:\n  inputs: "not json"')).toEqual([]);
  });

  it("shapes Seldon's protocol: names and one ndarray row", () => {
    expect(examplePayload('seldon', signatureColumns(MLMODEL))).toEqual({
      data: { names: ['amount', 'merchant'], ndarray: [[0, 'text']] },
    });
  });

  it('shapes V2: one typed input per column', () => {
    expect(examplePayload('v2', signatureColumns(MLMODEL))).toEqual({
      inputs: [
        { name: 'amount', shape: [1], datatype: 'FP64', data: [0] },
        { name: 'merchant', shape: [1], datatype: 'BYTES', data: ['text'] },
      ],
    });
  });

  it("falls back to the protocol's default without columns", () => {
    expect(examplePayload('seldon', [])).toEqual({
      data: { ndarray: [[0]] },
    });
  });
});
