// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Line charts as SVG, enough for the examples' figures: a grid of panels, each
// with a title, labelled axes with ticks, linear or logarithmic y, and a
// legend inside the panel or one legend beside the grid for all of them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace examples::svg {

struct line {
  std::string label;
  std::vector<double> x, y;  // non-finite points (and y <= 0 on a log axis) break the line
  std::string color;         // empty: the palette's colour for the line's position
  bool dashed = false;
};

struct panel {
  std::string title, x_label, y_label;
  std::vector<line> lines;
  bool log_y = false;
};

struct figure {
  std::string title;
  std::vector<panel> panels;
  int columns = 1;
  double panel_width = 330, panel_height = 240;
  bool shared_legend = false;  // one legend right of the grid, from the first panel's lines
};

// Tableau's ten categorical colours.
inline const char* palette(std::size_t i) {
  static const char* const colors[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                       "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#79706e"};
  return colors[i % 10];
}

namespace detail {

struct interval {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  void include(double v) {
    low = std::min(low, v);
    high = std::max(high, v);
  }
  bool empty() const { return !(low <= high); }
};

inline std::string escaped(std::string const& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

inline std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

// A point on the page: a tenth of a pixel is finer than any screen shows.
inline std::string coordinate(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// 1, 2 or 5 times a power of 10, near span / count.
inline double tick_step(double span, int count) {
  const double raw = span / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  return magnitude * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
}

// The value an axis plots for y: itself, or its base-10 logarithm.
inline double plotted(double y, bool log_axis) {
  if (!log_axis) return y;
  return y > 0 ? std::log10(y) : std::numeric_limits<double>::quiet_NaN();
}

struct axis {
  interval range;
  double step;
};

// A y axis rounds the data range out to whole ticks (powers of 10 on a log
// axis); an x axis spans the data exactly.
inline axis make_axis(interval data, bool log_axis, bool round_out) {
  if (data.empty()) data = {0.0, 1.0};
  if (data.high - data.low < 1e-12 * std::max(1.0, std::fabs(data.high))) {
    data.low -= 1;
    data.high += 1;
  }
  const double step = log_axis ? std::max(1.0, std::ceil((data.high - data.low) / 6))
                               : tick_step(data.high - data.low, 5);
  if (!round_out) return {data, step};
  return {{std::floor(data.low / step) * step, std::ceil(data.high / step) * step}, step};
}

// The first tick at or above the start of the axis.
inline double first_tick(axis const& a) {
  return std::ceil(a.range.low / a.step - 1e-9) * a.step;
}

inline std::string tick_label(double v, double step, bool log_axis) {
  if (log_axis) return "1e" + number(std::round(v));
  return number(std::fabs(v) < 1e-9 * step ? 0.0 : v);
}

class writer {
 public:
  writer(figure const& f, std::ostream& out) : figure_(f), out_(out) {}

  void write() {
    const int columns = std::max(1, figure_.columns);
    const auto panels = static_cast<int>(figure_.panels.size());
    const int rows = (panels + columns - 1) / columns;
    const double legend_width = figure_.shared_legend ? 170 : 0;
    const double width = columns * figure_.panel_width + legend_width;
    const double height = title_height + rows * figure_.panel_height;
    out_ << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << number(width) << "\" height=\""
         << number(height) << "\" viewBox=\"0 0 " << number(width) << ' ' << number(height)
         << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
         << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
         << "<text x=\"" << number(width / 2) << "\" y=\"22\" text-anchor=\"middle\" "
         << "font-size=\"16\" font-weight=\"bold\">" << escaped(figure_.title) << "</text>\n";
    for (int i = 0; i < panels; ++i)
      write_panel(figure_.panels[static_cast<std::size_t>(i)], i, (i % columns) * figure_.panel_width,
                  title_height + (i / columns) * figure_.panel_height);
    if (figure_.shared_legend && !figure_.panels.empty())
      write_legend(figure_.panels.front().lines, columns * figure_.panel_width + 10,
                   title_height + plot_top);
    out_ << "</svg>\n";
  }

 private:
  static constexpr double title_height = 34, plot_left = 62, plot_right = 14, plot_top = 26,
                          plot_bottom = 44;

  static std::string color_of(line const& l, std::size_t i) {
    return l.color.empty() ? palette(i) : l.color;
  }

  void write_panel(panel const& p, int index, double left, double top) {
    interval xs, ys;
    for (line const& l : p.lines)
      for (std::size_t i = 0; i < l.x.size() && i < l.y.size(); ++i) {
        const double y = plotted(l.y[i], p.log_y);
        if (std::isfinite(l.x[i]) && std::isfinite(y)) {
          xs.include(l.x[i]);
          ys.include(y);
        }
      }
    const axis x_axis = make_axis(xs, false, false), y_axis = make_axis(ys, p.log_y, true);
    const double x0 = left + plot_left, x1 = left + figure_.panel_width - plot_right;
    const double y0 = top + figure_.panel_height - plot_bottom, y1 = top + plot_top;
    const auto to_x = [&](double v) {
      return x0 + (v - x_axis.range.low) / (x_axis.range.high - x_axis.range.low) * (x1 - x0);
    };
    const auto to_y = [&](double v) {
      return y0 + (v - y_axis.range.low) / (y_axis.range.high - y_axis.range.low) * (y1 - y0);
    };

    out_ << "<g>\n<text x=\"" << number((x0 + x1) / 2) << "\" y=\"" << number(top + 16)
         << "\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">" << escaped(p.title)
         << "</text>\n";
    // Grid lines and tick labels.
    for (double v = first_tick(x_axis); v <= x_axis.range.high + 1e-9 * x_axis.step;
         v += x_axis.step) {
      const double x = to_x(v);
      out_ << "<line x1=\"" << number(x) << "\" y1=\"" << number(y0) << "\" x2=\"" << number(x)
           << "\" y2=\"" << number(y1) << "\" stroke=\"#e3e3e3\"/>\n<text x=\"" << number(x)
           << "\" y=\"" << number(y0 + 14) << "\" text-anchor=\"middle\">"
           << tick_label(v, x_axis.step, false) << "</text>\n";
    }
    for (double v = first_tick(y_axis); v <= y_axis.range.high + 1e-9 * y_axis.step;
         v += y_axis.step) {
      const double y = to_y(v);
      out_ << "<line x1=\"" << number(x0) << "\" y1=\"" << number(y) << "\" x2=\"" << number(x1)
           << "\" y2=\"" << number(y) << "\" stroke=\"#e3e3e3\"/>\n<text x=\"" << number(x0 - 5)
           << "\" y=\"" << number(y + 4) << "\" text-anchor=\"end\">"
           << tick_label(v, y_axis.step, p.log_y) << "</text>\n";
    }
    if (x_axis.range.low < 0 && x_axis.range.high > 0)  // the y axis through x = 0
      out_ << "<line x1=\"" << number(to_x(0)) << "\" y1=\"" << number(y0) << "\" x2=\""
           << number(to_x(0)) << "\" y2=\"" << number(y1) << "\" stroke=\"#999\"/>\n";
    if (!p.log_y && y_axis.range.low < 0 && y_axis.range.high > 0)
      out_ << "<line x1=\"" << number(x0) << "\" y1=\"" << number(to_y(0)) << "\" x2=\""
           << number(x1) << "\" y2=\"" << number(to_y(0)) << "\" stroke=\"#999\"/>\n";
    out_ << "<rect x=\"" << number(x0) << "\" y=\"" << number(y1) << "\" width=\""
         << number(x1 - x0) << "\" height=\"" << number(y0 - y1)
         << "\" fill=\"none\" stroke=\"#555\"/>\n";
    // Axis labels.
    out_ << "<text x=\"" << number((x0 + x1) / 2) << "\" y=\"" << number(y0 + 32)
         << "\" text-anchor=\"middle\">" << escaped(p.x_label) << "</text>\n"
         << "<text transform=\"translate(" << number(left + 14) << ' ' << number((y0 + y1) / 2)
         << ") rotate(-90)\" text-anchor=\"middle\">" << escaped(p.y_label) << "</text>\n";
    // The lines, clipped to the plot area.
    out_ << "<clipPath id=\"plot" << index << "\"><rect x=\"" << number(x0) << "\" y=\""
         << number(y1) << "\" width=\"" << number(x1 - x0) << "\" height=\"" << number(y0 - y1)
         << "\"/></clipPath>\n<g clip-path=\"url(#plot" << index << ")\" fill=\"none\">\n";
    for (std::size_t k = 0; k < p.lines.size(); ++k) {
      line const& l = p.lines[k];
      std::string points;
      const auto flush = [&] {
        if (!points.empty())
          out_ << "<polyline stroke=\"" << color_of(l, k) << "\" stroke-width=\"1.8\""
               << (l.dashed ? " stroke-dasharray=\"5 3\"" : "") << " points=\"" << points
               << "\"/>\n";
        points.clear();
      };
      for (std::size_t i = 0; i < l.x.size() && i < l.y.size(); ++i) {
        const double y = plotted(l.y[i], p.log_y);
        if (!std::isfinite(l.x[i]) || !std::isfinite(y)) {
          flush();
          continue;
        }
        points += coordinate(to_x(l.x[i])) + ',' + coordinate(to_y(y)) + ' ';
      }
      flush();
    }
    out_ << "</g>\n";
    if (!figure_.shared_legend) write_legend(p.lines, x0 + 8, y1 + 6);
    out_ << "</g>\n";
  }

  // Lines without a label are left out.
  void write_legend(std::vector<line> const& lines, double left, double top) {
    double y = top + 8;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].label.empty()) continue;
      out_ << "<line x1=\"" << number(left) << "\" y1=\"" << number(y) << "\" x2=\""
           << number(left + 22) << "\" y2=\"" << number(y) << "\" stroke=\""
           << color_of(lines[k], k) << "\" stroke-width=\"2\""
           << (lines[k].dashed ? " stroke-dasharray=\"5 3\"" : "") << "/>\n<text x=\""
           << number(left + 27) << "\" y=\"" << number(y + 4) << "\">" << escaped(lines[k].label)
           << "</text>\n";
      y += 15;
    }
  }

  figure const& figure_;
  std::ostream& out_;
};

}  // namespace detail

inline void write(figure const& f, std::ostream& out) { detail::writer(f, out).write(); }

inline void write_file(figure const& f, std::string const& path) {
  std::ofstream out(path);
  write(f, out);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace examples::svg
