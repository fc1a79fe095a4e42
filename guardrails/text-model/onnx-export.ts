/**
 * Exports a trained hashed-linear model to an ONNX model directory runnable by onnxruntime-node:
 *   model.onnx   Gather(W, indices) → Mul(values) → ReduceSum(axis 1) → Add(bias) → Mul(a) → Add(b) → Sigmoid
 *   model.json   the manifest (featuriser config, heads, thresholds): TypeScript still does the hashing.
 * onnx-proto is a devDependency: exporting is a build step, never done at request time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearTextModel } from './model.js';

const FLOAT = 1;
const INT64 = 7;

export async function exportOnnx(model: LinearTextModel, dir: string): Promise<string> {
  const { default: onnxProto } = await import('onnx-proto');
  const { onnx } = onnxProto;
  const { heads } = model.manifest;
  const buckets = model.featurizer.buckets;
  const H = heads.length;

  // W laid out [buckets, heads] so Gather on axis 0 yields [batch, n, heads].
  const w = new Float32Array(buckets * H);
  for (let h = 0; h < H; h += 1) {
    const scale = heads[h]!.scale;
    for (let j = 0; j < buckets; j += 1) w[j * H + h] = model.weights[h * buckets + j]! * scale;
  }
  const floatTensor = (name: string, dims: number[], data: Float32Array) =>
    onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  const int64Tensor = (name: string, values: number[]) => {
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    return onnx.TensorProto.create({ name, dims: [values.length], dataType: INT64, rawData: new Uint8Array(data.buffer) });
  };
  const dim = (param: string) => onnx.TensorShapeProto.Dimension.create({ dimParam: param });
  const valueInfo = (name: string, elemType: number, dims: ReturnType<typeof dim>[]) =>
    onnx.ValueInfoProto.create({ name, type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType, shape: onnx.TensorShapeProto.create({ dim: dims }) }) }) });
  const node = (opType: string, input: string[], output: string[], attribute: InstanceType<typeof onnx.AttributeProto>[] = []) =>
    onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] });

  const graph = onnx.GraphProto.create({
    name: `sealgate-${model.manifest.name}`,
    initializer: [
      floatTensor('W', [buckets, H], w),
      floatTensor('bias', [H], Float32Array.from(heads.map((h) => h.bias))),
      floatTensor('cal_a', [H], Float32Array.from(heads.map((h) => h.calibration.a))),
      floatTensor('cal_b', [H], Float32Array.from(heads.map((h) => h.calibration.b))),
      floatTensor('evidence', [H], Float32Array.from(heads.map((h) => h.evidence ?? 0))),
      floatTensor('zero', [1], Float32Array.from([0])),
      floatTensor('tiny', [1], Float32Array.from([1e-12])),
      int64Tensor('axis_features', [1]),
      int64Tensor('axis_last', [2]),
    ],
    node: [
      node('Gather', ['W', 'indices'], ['gathered'], [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })]),
      node('Unsqueeze', ['values', 'axis_last'], ['values_3d']),
      node('Mul', ['gathered', 'values_3d'], ['weighted']),
      node('ReduceSum', ['weighted', 'axis_features'], ['dot'], [onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 })]),
      // Evidence-aware shrinkage n/(n+evidence), n = active (non-padding) features per row; evidence 0 → 1.
      node('Greater', ['values', 'zero'], ['active_bool']),
      node('Cast', ['active_bool'], ['active'], [onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT })]),
      node('ReduceSum', ['active', 'axis_features'], ['n_active'], [onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 })]),
      node('Add', ['n_active', 'evidence'], ['n_plus_evidence']),
      node('Add', ['n_plus_evidence', 'tiny'], ['denominator']),
      node('Add', ['n_active', 'tiny'], ['numerator']),
      node('Div', ['numerator', 'denominator'], ['shrink']),
      node('Mul', ['dot', 'shrink'], ['shrunk_dot']),
      node('Add', ['shrunk_dot', 'bias'], ['margin']),
      node('Mul', ['margin', 'cal_a'], ['scaled']),
      node('Add', ['scaled', 'cal_b'], ['logit']),
      node('Sigmoid', ['logit'], ['scores']),
    ],
    input: [valueInfo('indices', INT64, [dim('batch'), dim('features')]), valueInfo('values', FLOAT, [dim('batch'), dim('features')])],
    output: [valueInfo('scores', FLOAT, [dim('batch'), onnx.TensorShapeProto.Dimension.create({ dimValue: H })])],
  });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'sealgate',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    graph,
  });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'model.onnx');
  writeFileSync(path, onnx.ModelProto.encode(proto).finish());
  writeFileSync(join(dir, 'model.json'), `${JSON.stringify(model.manifest, null, 2)}\n`);
  return path;
}
