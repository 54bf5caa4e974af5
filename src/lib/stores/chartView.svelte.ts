// How the report's charts are viewed: y axes zoomed to the data, and presentation mode (for a
// projector: large type, the headline sections only, zoomed axes).
class ChartView {
	zoom = $state(false);
	presentation = $state(false);

	/** Zoomed when asked, and always in presentation mode. */
	get zoomed(): boolean {
		return this.zoom || this.presentation;
	}
}

export const chartView = new ChartView();
