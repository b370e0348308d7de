/** The cell size options shared by `charge` and `circuit`: --diameter [--length] or --area [--volume]. */
import type { Command } from 'commander';
import { cylinderGeometry, sphereGeometry } from '../core/index.js';
import { describeValue, InputError } from '../units/index.js';
import { asOptions, positiveQuantity, typed } from './arguments.js';
import { num } from './output.js';

export interface GeometryOptions {
  diameter?: string;
  length?: string;
  area?: string;
  volume?: string;
}

export interface Shape {
  readonly kind: 'sphere' | 'cylinder' | 'area';
  /** Membrane area, um2. */
  readonly area: number;
  /** Enclosed volume, um3, when known. */
  readonly volume?: number;
  readonly diameter?: number;
  readonly length?: number;
}

/** Adds --diameter, --length, --area and --volume. */
export function addGeometryOptions(command: Command): Command {
  return command
    .option('-d, --diameter <d>', 'cell diameter ("20um"): a sphere, or a cylinder with --length')
    .option('-l, --length <L>', 'cylinder length ("100um"), with --diameter (lateral area, no end caps)')
    .option('-a, --area <A>', 'membrane area ("1257um2", "1e-5 cm2"), instead of --diameter')
    .option('--volume <vol>', 'cell volume with --area ("4189um3", "4.2pL")');
}

/** Reads the size options; undefined when none is given and `required` is false. */
export function shapeOf(options: GeometryOptions, required: boolean): Shape | undefined {
  if (options.area !== undefined && options.diameter !== undefined) {
    throw new InputError('--area', describeValue(options.area), 'either --area or --diameter, not both');
  }
  if (options.area !== undefined) {
    if (options.length !== undefined) throw new InputError('--length', describeValue(options.length), 'a length only with --diameter (a cylinder), not with --area');
    const area = positiveQuantity(options.area, 'area', '--area');
    const volume = options.volume === undefined ? undefined : positiveQuantity(options.volume, 'volume', '--volume');
    return { kind: 'area', area, ...(volume === undefined ? {} : { volume }) };
  }
  if (options.volume !== undefined) throw new InputError('--volume', describeValue(options.volume), 'a volume only with --area (--diameter gives the volume)');
  if (options.diameter === undefined) {
    if (!required && options.length === undefined) return undefined;
    throw new InputError(
      '--diameter',
      options.length === undefined ? 'nothing' : `nothing (with --length ${describeValue(options.length)})`,
      'a cell size: --diameter for a sphere, --diameter with --length for a cylinder, or --area',
    );
  }
  const fields = { diameter: typed('--diameter', options.diameter), length: typed('--length', options.length) };
  const diameter = positiveQuantity(options.diameter, 'length', '--diameter');
  if (options.length === undefined) return { kind: 'sphere', diameter, ...asOptions(fields, () => sphereGeometry(diameter)) };
  const length = positiveQuantity(options.length, 'length', '--length');
  return { kind: 'cylinder', diameter, length, ...asOptions(fields, () => cylinderGeometry(diameter, length)) };
}

/** The JSON fields describing a shape. */
export function shapeFields(shape: Shape): { geometry: string; diameter_um?: number; length_um?: number; area_um2: number; volume_um3?: number } {
  return { geometry: shape.kind, diameter_um: shape.diameter, length_um: shape.length, area_um2: shape.area, volume_um3: shape.volume };
}

/** "sphere of diameter 20 um: area 1257 um2, volume 4189 um3" */
export function shapeText(shape: Shape): string {
  const what =
    shape.kind === 'sphere'
      ? `sphere of diameter ${num(shape.diameter ?? 0)} um`
      : shape.kind === 'cylinder'
        ? `cylinder of diameter ${num(shape.diameter ?? 0)} um and length ${num(shape.length ?? 0)} um (no end caps)`
        : 'given area';
  return `${what}: area ${num(shape.area)} um2${shape.volume === undefined ? '' : `, volume ${num(shape.volume)} um3`}`;
}
