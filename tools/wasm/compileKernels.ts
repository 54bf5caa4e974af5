import wabt from 'wabt';
import { kernelsWat } from './kernelsWat';

/** The kernels' WebAssembly binary, compiled from their text by wabt. */
export async function compileKernels(): Promise<Uint8Array> {
	const module = (await wabt()).parseWat('kernels.wat', kernelsWat(), { simd: true });
	module.validate();
	const { buffer } = module.toBinary({});
	module.destroy();
	return buffer;
}
