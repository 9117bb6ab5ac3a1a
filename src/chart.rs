//! An indicator's chart (issue 12), drawn with plotters on a canvas so that it
//! downloads as a PNG (`toBlob`): target and realisasi over the years, each
//! year's capaian by its realisasi point, and the baseline.
//!
//! Made for a projector: type scales with the canvas (22 px at 900 × 500; give
//! the canvas device pixels for sharp text), and target and realisasi differ by
//! dash and marker as well as colour.

use std::error::Error;

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::achievement::percent;
use crate::core::chart::{format_number, IndicatorSeries};
use crate::core::text::{self, CharWidths};

/// The words on a chart, in the UI's language.
#[derive(Clone, Copy, Debug)]
pub struct ChartLabels<'a> {
    pub target: &'a str,
    pub realisasi: &'a str,
    pub baseline: &'a str,
    pub capaian: &'a str,
    /// Numbers with a decimal point; otherwise the Indonesian decimal comma.
    pub english: bool,
}

// Okabe–Ito blue and vermillion stay apart for the common colour-vision deficiencies.
const TARGET: RGBColor = RGBColor(0, 114, 178);
const REALISASI: RGBColor = RGBColor(213, 94, 0);
const BASELINE: RGBColor = RGBColor(85, 85, 85);
const INK: RGBColor = RGBColor(26, 26, 26);
const GRID: RGBColor = RGBColor(221, 221, 221);

const FONT: &str = "sans-serif";

/// Draws `series` over the whole canvas. A series without years draws only
/// its title and legend.
pub fn draw_indicator(
    canvas: &HtmlCanvasElement,
    series: &IndicatorSeries,
    labels: &ChartLabels,
) -> Result<(), String> {
    const NO_2D: &str = "the canvas has no 2d context";
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().ok_or(NO_2D)?.unchecked_into();
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or(NO_2D)?;
    draw(&backend.into_drawing_area(), &context, series, labels).map_err(|e| e.to_string())
}

type Area = DrawingArea<CanvasBackend, Shift>;
type Chart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordf64>>;

fn draw(
    root: &Area,
    context: &CanvasRenderingContext2d,
    series: &IndicatorSeries,
    labels: &ChartLabels,
) -> Result<(), Box<dyn Error>> {
    let (w, h) = root.dim_in_pixel();
    // Sizes are given at 900 × 500 and scaled to the canvas.
    let scale = (f64::from(w) / 900.0).min(f64::from(h) / 500.0);
    let px = |v: f64| (v * scale).round().max(1.0);
    let pxi = |v: f64| px(v) as i32;
    let text = |size: f64| (FONT, px(size)).into_font().color(&INK);
    let bold = |size: f64| (FONT, px(size), FontStyle::Bold).into_font().color(&INK);

    root.fill(&WHITE)?;
    let body = root.margin(pxi(12.0), pxi(12.0), pxi(16.0), pxi(24.0));
    let lines = title_lines(context, &series.nama, px(24.0), f64::from(body.dim_in_pixel().0));
    let (title_area, body) = body.split_vertically(pxi(30.0) * lines.len() as i32);
    let title = bold(24.0).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, line) in lines.iter().enumerate() {
        title_area.draw(&Text::new(
            line.as_str(),
            (title_area.dim_in_pixel().0 as i32 / 2, pxi(30.0) * i as i32),
            title.clone(),
        ))?;
    }
    let (legend_area, plot_area) = body.split_vertically(pxi(44.0));
    legend(&legend_area, series, labels, &text(20.0), &bold(20.0), &px)?;
    let (Some(&first), Some(&last)) = (series.years.first(), series.years.last()) else { return Ok(()) };

    let axis = series.y_axis();
    let y_label = |v: &f64| format_number(*v, axis.decimals, labels.english);
    // The axis' ends have the most whole digits; ticks between may add a comma and decimals.
    let mut widest = 0;
    for end in [axis.lo, axis.hi] {
        widest = widest.max(root.estimate_text_size(&y_label(&end), &text(20.0))?.0 as i32);
    }
    let decimals = if axis.decimals > 0 { pxi(12.0) * (axis.decimals as i32 + 1) } else { 0 };
    let desc_width = if series.satuan.is_empty() { 0 } else { pxi(32.0) };
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_top(pxi(16.0))
        .x_label_area_size(pxi(40.0))
        .y_label_area_size(widest + decimals + pxi(20.0) + desc_width)
        .build_cartesian_2d((i32::from(first)..i32::from(last)).into_segmented(), axis.lo..axis.hi)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.stroke_width(px(1.0) as u32))
        .light_line_style(TRANSPARENT)
        .axis_style(INK.stroke_width(px(2.0) as u32))
        .set_all_tick_mark_size(pxi(6.0))
        .x_labels(usize::from(last - first) + 1)
        .y_labels(7)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(year) | SegmentValue::Exact(year) => year.to_string(),
            SegmentValue::Last => String::new(),
        })
        .y_label_formatter(&y_label)
        .y_desc(series.satuan.as_str())
        .label_style(text(20.0))
        .axis_desc_style(text(20.0))
        .draw()?;

    if let Some((_, value)) = series.baseline {
        let across = [(SegmentValue::Exact(i32::from(first)), value), (SegmentValue::Last, value)];
        chart.draw_series(DashedLineSeries::new(across, pxi(4.0), pxi(6.0), BASELINE.stroke_width(px(2.0) as u32)))?;
    }
    let at = |(year, v): (u16, f64)| (SegmentValue::CenterOf(i32::from(year)), v);
    let line = px(3.0) as u32;
    let mark = pxi(7.0);
    for run in series.runs(&series.target) {
        chart.draw_series(DashedLineSeries::new(
            run.iter().copied().map(at),
            pxi(12.0),
            pxi(8.0),
            TARGET.stroke_width(line),
        ))?;
        chart.draw_series(run.into_iter().map(|p| EmptyElement::at(at(p)) + square(mark, TARGET)))?;
    }
    for run in series.runs(&series.realisasi) {
        chart.draw_series(LineSeries::new(run.iter().copied().map(at), REALISASI.stroke_width(line)))?;
        chart.draw_series(
            run.into_iter().map(|p| EmptyElement::at(at(p)) + Circle::new((0, 0), mark, REALISASI.filled())),
        )?;
    }
    capaian_labels(root, &mut chart, series, labels.english, &bold(20.0), (mark, pxi(6.0)))
}

/// A filled square `r` from its centre to each side: the target's marker.
fn square(r: i32, colour: RGBColor) -> Rectangle<(i32, i32)> {
    Rectangle::new([(-r, -r), (r, r)], colour.filled())
}

/// Each year's capaian by its realisasi point, on white so lines behind it do
/// not cross the digits: above the point, or below it where the year's target
/// marker would be covered and there is room.
fn capaian_labels(
    root: &Area,
    chart: &mut Chart,
    series: &IndicatorSeries,
    english: bool,
    style: &TextStyle,
    (mark, gap): (i32, i32),
) -> Result<(), Box<dyn Error>> {
    let bottom = chart.plotting_area().get_pixel_range().1.end;
    let years = series.years.iter().zip(&series.realisasi).zip(&series.capaian).zip(&series.target);
    for (((&year, r), c), t) in years {
        let (Some(r), Some(c)) = (r, c) else { continue };
        let label = percent(*c, english);
        let (half, th) = root.estimate_text_size(&label, style).map(|(w, h)| (w as i32 / 2 + 4, h as i32))?;
        let point = (SegmentValue::CenterOf(i32::from(year)), *r);
        let y = chart.backend_coord(&point).1;
        let (near, pad) = (mark + gap, 2);
        let covers_target =
            t.is_some_and(|t| (1..near + th + mark).contains(&(y - chart.backend_coord(&(point.0.clone(), t)).1)));
        let (box_top, text_y, v) = if covers_target && bottom - y > near + th + pad {
            (near - pad, near, VPos::Top)
        } else {
            (-near - th - pad, -near, VPos::Bottom)
        };
        let backdrop = Rectangle::new([(-half, box_top), (half, box_top + th + 2 * pad)], WHITE.filled());
        let text = Text::new(label, (0, text_y), style.pos(Pos::new(HPos::Center, v)));
        chart.draw_series(std::iter::once(EmptyElement::at(point) + backdrop + text))?;
    }
    Ok(())
}

/// One row over the plot: each line's sample and name, the baseline's year
/// and value, and what the percentages are.
fn legend(
    area: &Area,
    series: &IndicatorSeries,
    labels: &ChartLabels,
    text: &TextStyle,
    bold: &TextStyle,
    px: &dyn Fn(f64) -> f64,
) -> Result<(), Box<dyn Error>> {
    let mid = area.dim_in_pixel().1 as i32 / 2;
    let [sample, gap, space, mark] = [44.0, 8.0, 28.0, 7.0].map(|v| px(v) as i32);
    let line = px(3.0) as u32;
    let [text, bold] = [text, bold].map(|style| style.pos(Pos::new(HPos::Left, VPos::Center)));
    // Writes `name` at `x` and moves `x` past it and `after`.
    let write = |x: &mut i32, name: &str, style: &TextStyle, after: i32| -> Result<(), Box<dyn Error>> {
        area.draw(&Text::new(name, (*x, mid), style.clone()))?;
        *x += area.estimate_text_size(name, style)?.0 as i32 + after;
        Ok(())
    };
    let ends = |x: i32| [(x, mid), (x + sample, mid)];
    let mut x = 0;

    area.draw(&DashedPathElement::new(ends(x), px(12.0) as i32, px(8.0) as i32, TARGET.stroke_width(line)))?;
    area.draw(&(EmptyElement::at((x + sample / 2, mid)) + square(mark, TARGET)))?;
    x += sample + gap;
    write(&mut x, labels.target, &text, space)?;

    area.draw(&PathElement::new(ends(x), REALISASI.stroke_width(line)))?;
    area.draw(&Circle::new((x + sample / 2, mid), mark, REALISASI.filled()))?;
    x += sample + gap;
    write(&mut x, labels.realisasi, &text, space)?;

    if let Some((year, value)) = series.baseline {
        let style = BASELINE.stroke_width(px(2.0) as u32);
        area.draw(&DashedPathElement::new(ends(x), px(4.0) as i32, px(6.0) as i32, style))?;
        x += sample + gap;
        let year = year.map(|y| format!(" {y}")).unwrap_or_default();
        let name = format!("{}{year}: {}", labels.baseline, format_number(value, 2, labels.english));
        write(&mut x, &name, &text, space)?;
    }

    write(&mut x, "%", &bold, gap)?;
    write(&mut x, labels.capaian, &text, 0)
}

/// The indicator's name in at most two lines of `width` px, the second cut
/// with "…" if need be: names run long ("Persentase PMKS yang memperoleh …").
fn title_lines(context: &CanvasRenderingContext2d, name: &str, size: f64, width: f64) -> Vec<String> {
    if name.is_empty() {
        return Vec::new();
    }
    // The canvas measures as it draws; plotters' own estimate wraps at the window's width.
    context.set_font(&format!("bold {size}px {FONT}"));
    let mut buf = [0u8; 4];
    let widths = CharWidths::from_fn(|c| context.measure_text(c.encode_utf8(&mut buf)).map_or(0.0, |m| m.width()));
    let mut lines = text::wrap(name, width, &widths);
    if lines.len() > 2 {
        lines[1] = text::ellipsize(&lines[1..].join(" "), width, &widths);
        lines.truncate(2);
    }
    lines
}
