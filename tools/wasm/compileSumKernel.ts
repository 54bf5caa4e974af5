import wabt from 'wabt';
import { sumKernelWat } from './sumKernelWat';

/** The kernel's WebAssembly binary, compiled from its text by wabt. */
export async function compileSumKernel(): Promise<Uint8Array> {
	const module = (await wabt()).parseWat('sumKernel.wat', sumKernelWat(), { simd: true });
	module.validate();
	const { buffer } = module.toBinary({});
	module.destroy();
	return buffer;
}
