// The colour theme: 'system' follows prefers-color-scheme; 'light'/'dark' are remembered in
// localStorage and applied as <html data-theme>. app.html applies the stored choice before the
// first paint; this store only keeps the toggle in step with it.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'rl-theme';

function readStored(): ThemeChoice {
	try {
		const v = localStorage.getItem(THEME_KEY);
		return v === 'light' || v === 'dark' ? v : 'system';
	} catch {
		return 'system';
	}
}

class ThemeStore {
	choice = $state<ThemeChoice>('system');

	/** Called once from the layout on mount (never at import: prerendering has no localStorage). */
	init(): void {
		this.choice = readStored();
	}

	set(choice: ThemeChoice): void {
		this.choice = choice;
		const root = document.documentElement;
		if (choice === 'system') root.removeAttribute('data-theme');
		else root.setAttribute('data-theme', choice);
		try {
			if (choice === 'system') localStorage.removeItem(THEME_KEY);
			else localStorage.setItem(THEME_KEY, choice);
		} catch {
			/* storage blocked (private mode): the choice lasts for this page only */
		}
	}

	/** system -> light -> dark -> system */
	cycle(): void {
		this.set(this.choice === 'system' ? 'light' : this.choice === 'light' ? 'dark' : 'system');
	}
}

export const theme = new ThemeStore();
