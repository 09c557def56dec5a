import path from 'node:path';
import { crdsDigest, loadCrds, unrollRecursiveItems } from './crds.ts';
import { resolvePaths } from './paths.ts';

describe('unrollRecursiveItems', () => {
  const node = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      children: { type: 'array', items: {} },
    },
  };

  it('nests the node schema in its own empty-items array, ending in any object', () => {
    const out = unrollRecursiveItems(
      { properties: { graph: node } },
      'children',
      2,
    );
    const level1 = out.properties.graph.properties.children.items;
    expect(level1.required).toEqual(['name']);
    const level2 = level1.properties.children.items;
    expect(level2.properties.name).toEqual({ type: 'string' });
    expect(level2.properties.children.items).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    // the input is left untouched
    expect(node.properties.children.items).toEqual({});
  });

  it('leaves arrays with an item schema alone', () => {
    const typed = {
      properties: { children: { type: 'array', items: { type: 'string' } } },
    };
    expect(unrollRecursiveItems(typed, 'children', 3)).toEqual(typed);
  });
});

describe('the upstream CRD folder', () => {
  const { crdsDir } = resolvePaths({}, __dirname);

  it('holds the CRDs the platform installs, the Seldon one made structural', () => {
    const crds = loadCrds(crdsDir);
    expect(crds.map(c => c.name)).toEqual(
      expect.arrayContaining([
        'notebooks.kubeflow.org',
        'seldondeployments.machinelearning.seldon.io',
        'sparkconnects.sparkoperator.k8s.io',
      ]),
    );
    const seldon = crds.find(
      c => c.name === 'seldondeployments.machinelearning.seldon.io',
    )!;
    expect(JSON.stringify(seldon.manifest)).not.toContain(
      '"children":{"items":{}',
    );
    expect(path.basename(seldon.file)).toBe(
      'machinelearning.seldon.io_seldondeployments.yaml',
    );
    expect(crdsDigest(crdsDir)).toMatch(/^[0-9a-f]{16}$/);
  });
});
