//! A small inline SVG map of the places that have coordinates.
//!
//! Equirectangular projection (x ∝ longitude, y ∝ latitude) over the
//! bounding box of the places, padded and widened to the 16:9 frame, with a
//! labelled graticule instead of coastlines (the file must stay
//! self-contained, so there is no base map).

use corroborate_model::{Entity, EntityKind};

use maud::{html, Markup, PreEscaped};

use crate::anchors::anchor_token;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 360.0;
/// Smallest extent shown, in degrees, so a single city is not a lone dot.
const MIN_SPAN: f64 = 4.0;
/// Graticule steps in degrees, finest first.
const STEPS: [f64; 9] = [0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 45.0, 90.0];

struct Place<'a> {
    entity: &'a Entity,
    lat: f64,
    lon: f64,
}

/// The visible window: west edge, north edge, and extents in degrees.
struct Frame {
    west: f64,
    north: f64,
    lon_span: f64,
    lat_span: f64,
}

impl Frame {
    fn around(places: &[Place]) -> Frame {
        let fold = |pick: fn(&Place) -> f64, init: f64, join: fn(f64, f64) -> f64| {
            places.iter().map(pick).fold(init, join)
        };
        let (south, north) = (
            fold(|p| p.lat, f64::INFINITY, f64::min),
            fold(|p| p.lat, f64::NEG_INFINITY, f64::max),
        );
        let (west, east) = (
            fold(|p| p.lon, f64::INFINITY, f64::min),
            fold(|p| p.lon, f64::NEG_INFINITY, f64::max),
        );
        let mut lat_span = ((north - south) * 1.3).max(MIN_SPAN);
        let mut lon_span = ((east - west) * 1.3).max(MIN_SPAN);
        if lon_span / lat_span < WIDTH / HEIGHT {
            lon_span = lat_span * WIDTH / HEIGHT;
        } else {
            lat_span = lon_span * HEIGHT / WIDTH;
        }
        lat_span = lat_span.min(180.0);
        lon_span = lon_span.min(360.0);
        let centre_lat = (south + north) / 2.0;
        let centre_lon = (west + east) / 2.0;
        Frame {
            west: (centre_lon - lon_span / 2.0).clamp(-180.0, 180.0 - lon_span),
            north: (centre_lat + lat_span / 2.0).clamp(-90.0 + lat_span, 90.0),
            lon_span,
            lat_span,
        }
    }

    fn x(&self, lon: f64) -> f64 {
        (lon - self.west) / self.lon_span * WIDTH
    }

    fn y(&self, lat: f64) -> f64 {
        (self.north - lat) / self.lat_span * HEIGHT
    }
}

/// The SVG map, or `None` when no place has valid coordinates.
///
/// SVG shapes must close themselves (`<rect/>`), which `maud` does not
/// write, so the elements are formatted here from numbers, anchor tokens
/// and fixed text; place names are escaped by `maud`.
pub(crate) fn places_svg(entities: &[Entity]) -> Option<Markup> {
    let places: Vec<Place> = entities
        .iter()
        .filter(|entity| entity.kind == EntityKind::Place)
        .filter_map(|entity| match (entity.lat, entity.lon) {
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Some(Place { entity, lat, lon })
            }
            _ => None,
        })
        .collect();
    if places.is_empty() {
        return None;
    }
    let frame = Frame::around(&places);
    let mut svg = format!(
        r#"<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Map of the places with coordinates ({})"><rect class="sea" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/>"#,
        places.len()
    );
    push_graticule(&mut svg, &frame);
    for place in &places {
        push_place(&mut svg, &frame, place);
    }
    svg.push_str("</svg>");
    Some(PreEscaped(svg))
}

fn push_graticule(svg: &mut String, frame: &Frame) {
    let span = frame.lon_span.max(frame.lat_span);
    let step = STEPS
        .iter()
        .copied()
        .find(|step| span / step <= 8.0)
        .unwrap_or(90.0);
    let mut lon = (frame.west / step).ceil() * step;
    while lon <= frame.west + frame.lon_span {
        let x = frame.x(lon);
        svg.push_str(&format!(
            r#"<line class="grid" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{HEIGHT}"/><text class="grid-label" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 3.0,
            HEIGHT - 4.0,
            degrees(lon, 'E', 'W')
        ));
        lon += step;
    }
    let mut lat = (frame.north / step).floor() * step;
    while lat >= frame.north - frame.lat_span {
        let y = frame.y(lat);
        svg.push_str(&format!(
            r#"<line class="grid" x1="0" y1="{y:.1}" x2="{WIDTH}" y2="{y:.1}"/><text class="grid-label" x="3" y="{:.1}">{}</text>"#,
            y - 3.0,
            degrees(lat, 'N', 'S')
        ));
        lat -= step;
    }
}

fn degrees(value: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < 0.0 { negative } else { positive };
    format!("{}°{hemisphere}", value.abs())
}

fn push_place(svg: &mut String, frame: &Frame, place: &Place) {
    let (x, y) = (frame.x(place.lon), frame.y(place.lat));
    let name = html! { (place.entity.name) }.into_string();
    // Labels near the right edge go to the left of the dot.
    let (label_x, anchor) = if x > WIDTH * 0.8 {
        (x - 7.0, "end")
    } else {
        (x + 7.0, "start")
    };
    svg.push_str(&format!(
        r##"<a href="#en-{}"><circle class="place" cx="{x:.1}" cy="{y:.1}" r="4.5"><title>{name} ({:.4}, {:.4})</title></circle><text class="place-label" x="{label_x:.1}" y="{:.1}" text-anchor="{anchor}">{name}</text></a>"##,
        anchor_token(&place.entity.id),
        place.lat,
        place.lon,
        y + 4.0,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::sample_analysis;

    #[test]
    fn plots_places_with_coordinates_inside_the_frame() {
        let mut entities = sample_analysis().entities;
        let mut second = entities[0].clone();
        second.id = "N9".into();
        second.name = "Port <Arkin>".into();
        second.lat = Some(43.0);
        second.lon = Some(51.5);
        entities.push(second);
        let svg = places_svg(&entities).expect("two places").into_string();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("Port &lt;Arkin&gt;"));
        for cx in svg.split("cx=\"").skip(1) {
            let value: f64 = cx.split('"').next().unwrap().parse().unwrap();
            assert!((0.0..=WIDTH).contains(&value));
        }
        assert!(svg.contains("°N") && svg.contains("°E"));
    }

    #[test]
    fn no_map_without_coordinates() {
        let mut entities = sample_analysis().entities;
        for entity in &mut entities {
            entity.lat = None;
        }
        assert!(places_svg(&entities).is_none());
        entities[0].lat = Some(f64::NAN);
        entities[0].lon = Some(10.0);
        assert!(places_svg(&entities).is_none());
    }

    #[test]
    fn single_place_near_the_pole_stays_in_range() {
        let mut entities = sample_analysis().entities;
        entities[0].lat = Some(89.9);
        entities[0].lon = Some(179.9);
        let svg = places_svg(&entities).expect("one place").into_string();
        assert!(!svg.contains("NaN"));
    }
}
