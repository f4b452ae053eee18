// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Eigen integration: every actfn function on Eigen dense objects (Matrix,
// Array, Map, Ref, blocks and expressions), and the functors' cost inside
// Eigen's own expressions (X.unaryExpr(f)). The one header that needs Eigen:
// link actfn::eigen (CMake), or use actfn-eigen.pc.
//
//   actfn::eigen::forward(f, X)              f of every coefficient, a new object
//   actfn::eigen::derivative(f, X)           f' of every coefficient
//   actfn::eigen::second_derivative(f, X)    f'' of every coefficient (the
//                                            smooth functors)
//   actfn::eigen::backward(f, X, dY)         dY * f'(X), coefficient-wise
//   actfn::eigen::backward_into(f, X, dY, dX, actfn::accumulate)  dX += dY * f'(X)
//                                            (or actfn::beta(b): dX = ... + b dX)
//   ..._into(..., out)                       the same, written into out
//   actfn::eigen::forward(softmax, X, each::row)     softmax of each row (or
//   actfn::eigen::backward(softmax, Y, dY, each::column)  column), and back
//   actfn::eigen::softmax(X, each::row), log_softmax(X, each::column)
//   actfn::eigen::forward(maxout, X), backward(maxout, X, dY): a vector, or
//   each column of a matrix
//   actfn::eigen::forward(swiglu, X), backward(swiglu, X, dY): each row of
//   X = [A | B] (any gated function), backward_into(..., dX, mode)
//
// Objects whose coefficients lie in memory with unit inner stride go straight
// through actfn's kernels, one contiguous run at a time; anything else
// (strided maps, expressions, rows of a column-major matrix for softmax) is
// first copied into a plain object of the right storage order. Either way
// every coefficient gets the same bits as actfn's pointer API gives it. Sizes
// that do not match throw std::invalid_argument naming them.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "actfn/actfn.hpp"

#include <Eigen/Core>

ACTFN_NAMESPACE_BEGIN

// Eigen's 16-bit types hold the same bits as actfn's storage types:
// actfn::bfloat16(Eigen::bfloat16) and actfn::float16(Eigen::half) copy them.
template <>
struct same_format<bfloat16, Eigen::bfloat16> : std::true_type {};
template <>
struct same_format<float16, Eigen::half> : std::true_type {};

namespace eigen {

// Which slices of a matrix softmax normalises: each row sums to 1, or each
// column does.
enum class each { row, column };

namespace detail {

template <class Derived>
constexpr bool has_direct_access = (int(Derived::Flags) & int(Eigen::DirectAccessBit)) != 0;

template <class Derived>
using scalar_t = typename Derived::Scalar;

inline std::string shape(Eigen::Index rows, Eigen::Index cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}

template <class A, class B>
void require_same_shape(A const& a, B const& b, const char* function, const char* a_name,
                        const char* b_name) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    actfn::detail::fail(function, a_name, " is ", shape(a.rows(), a.cols()), " but ", b_name,
                        " is ", shape(b.rows(), b.cols()));
  }
}

// x itself when its coefficients are in memory, else x evaluated into a
// plain object (kept alive by the caller's auto&&).
template <class X>
decltype(auto) in_memory(Eigen::DenseBase<X> const& x) {
  if constexpr (has_direct_access<X>) {
    return static_cast<X const&>(x.derived());
  } else {
    return typename X::PlainObject(x.derived());
  }
}

// Whether run reads what out holds (a backward with beta), so that a plain
// copy standing in for out must start as out.
enum class output_use { overwritten, updated };

// run(out, in..., length) over each contiguous run of coefficients when out
// and every input share a storage order and have unit inner stride (so their
// runs line up); else over plain copies of the same storage order as out.
template <output_use use = output_use::overwritten, class Run, class Out, class... In>
void elementwise(Run const& run, Out& out, In const&... in) {
  using T = scalar_t<Out>;
  constexpr bool same_order = ((int(In::IsRowMajor) == int(Out::IsRowMajor)) && ...);
  if constexpr (has_direct_access<Out> && (has_direct_access<In> && ...) && same_order) {
    if (out.innerStride() == 1 && ((in.innerStride() == 1) && ...)) {
      const auto length = static_cast<std::size_t>(out.innerSize());
      for (Eigen::Index j = 0; j < out.outerSize(); ++j) {
        run(out.data() + j * out.outerStride(), (in.data() + j * in.outerStride())..., length);
      }
      return;
    }
  }
  using Plain = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic,
                              Out::IsRowMajor ? Eigen::RowMajor : Eigen::ColMajor>;
  Plain result(out.rows(), out.cols());
  if constexpr (use == output_use::updated) result = out;
  // The copies live as the lambda's arguments.
  const auto run_on = [&](auto const&... copies) {
    run(result.data(), copies.data()..., static_cast<std::size_t>(result.size()));
  };
  run_on(Plain(in)...);
  out = result;
}

// Rows in memory: the first element of each, and the distance between them.
template <class Pointer>
struct strided_rows {
  Pointer data;
  std::size_t stride;
};

// run(out_rows, in_rows..., count, length) on the slices `order` makes
// contiguous (rows for RowMajor, columns for ColMajor, seen as rows),
// straight from memory when every object stores them so, else on plain copies
// that do.
template <Eigen::StorageOptions order, class Run, class Out, class... In>
void on_slices_of_order(Run const& run, Out& out, In const&... in) {
  using T = scalar_t<Out>;
  constexpr bool rows_in_memory = order == Eigen::RowMajor;
  const auto count = static_cast<std::size_t>(rows_in_memory ? out.rows() : out.cols());
  const auto length = static_cast<std::size_t>(rows_in_memory ? out.cols() : out.rows());
  const auto fits = [](auto const& m) {
    using M = std::decay_t<decltype(m)>;
    return bool(M::IsRowMajor) == rows_in_memory && m.innerStride() == 1;
  };
  const auto rows_of = [](auto& m) {
    return strided_rows<decltype(m.data())>{m.data(), static_cast<std::size_t>(m.outerStride())};
  };
  if constexpr (has_direct_access<Out> && (has_direct_access<In> && ...)) {
    if (fits(out) && (fits(in) && ...)) {
      run(rows_of(out), rows_of(in)..., count, length);
      return;
    }
  }
  using Plain = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, order>;
  Plain result(out.rows(), out.cols());
  const auto run_on = [&](auto const&... copies) {
    run(rows_of(result), rows_of(copies)..., count, length);
  };
  run_on(Plain(in)...);
  out = result;
}

template <class Run, class Out, class... In>
void on_slices(each along, Run const& run, Out& out, In const&... in) {
  if (along == each::row) {
    on_slices_of_order<Eigen::RowMajor>(run, out, in...);
  } else {
    on_slices_of_order<Eigen::ColMajor>(run, out, in...);
  }
}

// softmax and log_softmax: the functions of a row.
template <class F>
struct is_row_function : std::false_type {};
template <class T, class Precision>
struct is_row_function<actfn::softmax<T, Precision>> : std::true_type {};
template <class T, class Precision>
struct is_row_function<actfn::log_softmax<T, Precision>> : std::true_type {};
template <class F>
using enable_for_rows = std::enable_if_t<is_row_function<F>::value, int>;

template <class F, class X>
using enable_for_elementwise =
    std::enable_if_t<actfn::detail::is_elementwise<F>::value &&
                         std::is_same<typename F::value_type, scalar_t<X>>::value,
                     int>;

}  // namespace detail

// Elementwise functions.

template <class F, class X, class Out, detail::enable_for_elementwise<F, X> = 0>
void forward_into(F const& f, Eigen::DenseBase<X> const& x, Out&& out) {
  detail::require_same_shape(out, x, "eigen::forward_into", "out", "x");
  auto&& xs = detail::in_memory(x);
  detail::elementwise([&f](auto* y, const auto* v, std::size_t n) { actfn::forward(f, v, y, n); },
                      out.derived(), xs);
}

template <class F, class X, class Out, detail::enable_for_elementwise<F, X> = 0>
void derivative_into(F const& f, Eigen::DenseBase<X> const& x, Out&& out) {
  detail::require_same_shape(out, x, "eigen::derivative_into", "out", "x");
  auto&& xs = detail::in_memory(x);
  detail::elementwise(
      [&f](auto* d, const auto* v, std::size_t n) { actfn::derivative(f, v, d, n); }, out.derived(),
      xs);
}

template <class F, class X, class Out, detail::enable_for_elementwise<F, X> = 0>
void second_derivative_into(F const& f, Eigen::DenseBase<X> const& x, Out&& out) {
  detail::require_same_shape(out, x, "eigen::second_derivative_into", "out", "x");
  auto&& xs = detail::in_memory(x);
  detail::elementwise(
      [&f](auto* d2, const auto* v, std::size_t n) { actfn::second_derivative(f, v, d2, n); },
      out.derived(), xs);
}

template <class F, class X, class G, class Out, detail::enable_for_elementwise<F, X> = 0>
void backward_into(F const& f, Eigen::DenseBase<X> const& x, Eigen::DenseBase<G> const& dy,
                   Out&& dx) {
  detail::require_same_shape(dy, x, "eigen::backward_into", "dy", "x");
  detail::require_same_shape(dx, x, "eigen::backward_into", "dx", "x");
  auto&& xs = detail::in_memory(x);
  auto&& gradient = detail::in_memory(dy);
  detail::elementwise([&f](auto* out, const auto* v, const auto* g,
                           std::size_t n) { actfn::backward(f, v, g, out, n); },
                      dx.derived(), xs, gradient);
}

// dx = dy * f'(x) + b * dx: mode is actfn::accumulate or actfn::beta(b), as
// for the pointer API.
template <class F, class X, class G, class Out, class Mode,
          detail::enable_for_elementwise<F, X> = 0,
          actfn::detail::enable_for_mode<Mode, typename F::value_type> = 0>
void backward_into(F const& f, Eigen::DenseBase<X> const& x, Eigen::DenseBase<G> const& dy,
                   Out&& dx, Mode mode) {
  actfn::detail::beta_of<typename F::value_type>(mode, "eigen::backward_into");  // checks it
  detail::require_same_shape(dy, x, "eigen::backward_into", "dy", "x");
  detail::require_same_shape(dx, x, "eigen::backward_into", "dx", "x");
  auto&& xs = detail::in_memory(x);
  auto&& gradient = detail::in_memory(dy);
  detail::elementwise<detail::output_use::updated>(
      [&f, mode](auto* out, const auto* v, const auto* g, std::size_t n) {
        actfn::backward(f, v, g, out, n, mode);
      },
      dx.derived(), xs, gradient);
}

template <class F, class X, detail::enable_for_elementwise<F, X> = 0>
typename X::PlainObject forward(F const& f, Eigen::DenseBase<X> const& x) {
  typename X::PlainObject y(x.rows(), x.cols());
  forward_into(f, x, y);
  return y;
}

template <class F, class X, detail::enable_for_elementwise<F, X> = 0>
typename X::PlainObject derivative(F const& f, Eigen::DenseBase<X> const& x) {
  typename X::PlainObject d(x.rows(), x.cols());
  derivative_into(f, x, d);
  return d;
}

template <class F, class X, detail::enable_for_elementwise<F, X> = 0>
typename X::PlainObject second_derivative(F const& f, Eigen::DenseBase<X> const& x) {
  typename X::PlainObject d2(x.rows(), x.cols());
  second_derivative_into(f, x, d2);
  return d2;
}

template <class F, class X, class G, detail::enable_for_elementwise<F, X> = 0>
typename X::PlainObject backward(F const& f, Eigen::DenseBase<X> const& x,
                                 Eigen::DenseBase<G> const& dy) {
  typename X::PlainObject dx(x.rows(), x.cols());
  backward_into(f, x, dy, dx);
  return dx;
}

// softmax and log_softmax along rows or columns.

template <class F, class X, class Out, detail::enable_for_rows<F> = 0>
void forward_into(F const& f, Eigen::DenseBase<X> const& x, each along, Out&& out) {
  detail::require_same_shape(out, x, "eigen::forward_into", "out", "x");
  auto&& xs = detail::in_memory(x);
  detail::on_slices(
      along,
      [&f](auto out_rows, auto x_rows, std::size_t count, std::size_t length) {
        f.forward(x_rows.data, x_rows.stride, out_rows.data, out_rows.stride, count, length);
      },
      out.derived(), xs);
}

template <class F, class Y, class G, class Out, detail::enable_for_rows<F> = 0>
void backward_into(F const& f, Eigen::DenseBase<Y> const& y, Eigen::DenseBase<G> const& dy,
                   each along, Out&& dx) {
  detail::require_same_shape(dy, y, "eigen::backward_into", "dy", "y");
  detail::require_same_shape(dx, y, "eigen::backward_into", "dx", "y");
  auto&& ys = detail::in_memory(y);
  auto&& gradient = detail::in_memory(dy);
  detail::on_slices(
      along,
      [&f](auto dx_rows, auto y_rows, auto dy_rows, std::size_t count, std::size_t length) {
        f.backward(y_rows.data, y_rows.stride, dy_rows.data, dy_rows.stride, dx_rows.data,
                   dx_rows.stride, count, length);
      },
      dx.derived(), ys, gradient);
}

template <class F, class X, detail::enable_for_rows<F> = 0>
typename X::PlainObject forward(F const& f, Eigen::DenseBase<X> const& x, each along) {
  typename X::PlainObject y(x.rows(), x.cols());
  forward_into(f, x, along, y);
  return y;
}

template <class F, class Y, class G, detail::enable_for_rows<F> = 0>
typename Y::PlainObject backward(F const& f, Eigen::DenseBase<Y> const& y,
                                 Eigen::DenseBase<G> const& dy, each along) {
  typename Y::PlainObject dx(y.rows(), y.cols());
  backward_into(f, y, dy, along, dx);
  return dx;
}

template <class X>
typename X::PlainObject softmax(Eigen::DenseBase<X> const& x, each along) {
  return forward(actfn::softmax<detail::scalar_t<X>>{}, x, along);
}

template <class X>
typename X::PlainObject log_softmax(Eigen::DenseBase<X> const& x, each along) {
  return forward(actfn::log_softmax<detail::scalar_t<X>>{}, x, along);
}

// maxout on a vector (n values give n / k), or on each column of a matrix
// (rows values give rows / k per column). The result is a dynamic Matrix, or
// Array for an Array input; backward's dx has x's shape.

namespace detail {

template <class X>
using maxout_result =
    std::conditional_t<std::is_base_of<Eigen::ArrayBase<X>, X>::value,
                       Eigen::Array<scalar_t<X>, Eigen::Dynamic, Eigen::Dynamic>,
                       Eigen::Matrix<scalar_t<X>, Eigen::Dynamic, Eigen::Dynamic>>;

// A row vector is one group sequence; anything else is a column each.
template <class X>
bool is_row_vector(Eigen::DenseBase<X> const& x) {
  return x.rows() == 1 && x.cols() > 1;
}

// The group sequences of x as the columns of a plain column-major matrix.
template <class X>
Eigen::Matrix<scalar_t<X>, Eigen::Dynamic, Eigen::Dynamic> group_columns(
    Eigen::DenseBase<X> const& x) {
  Eigen::Matrix<scalar_t<X>, Eigen::Dynamic, Eigen::Dynamic> columns;
  if (is_row_vector(x)) {
    columns = x.derived().transpose();
  } else {
    columns = x.derived();
  }
  return columns;
}

}  // namespace detail

template <class T, class X>
detail::maxout_result<X> forward(actfn::maxout<T> const& f, Eigen::DenseBase<X> const& x) {
  const bool row = detail::is_row_vector(x);
  const Eigen::Index length = row ? x.cols() : x.rows();
  if (length % Eigen::Index(f.k()) != 0) {
    actfn::detail::fail("eigen::forward", "maxout's k = ", f.k(), " does not divide x's ",
                        row ? "cols = " : "rows = ", length);
  }
  const Eigen::Index units = length / Eigen::Index(f.k());
  detail::maxout_result<X> y(row ? 1 : units, row ? units : x.cols());
  const auto columns = detail::group_columns(x);
  for (Eigen::Index j = 0; j < columns.cols(); ++j) {
    f.forward(columns.col(j).data(), y.data() + j * units, static_cast<std::size_t>(length));
  }
  return y;
}

template <class T, class X, class G>
typename X::PlainObject backward(actfn::maxout<T> const& f, Eigen::DenseBase<X> const& x,
                                 Eigen::DenseBase<G> const& dy) {
  const bool row = detail::is_row_vector(x);
  const Eigen::Index length = row ? x.cols() : x.rows();
  const Eigen::Index units = length / Eigen::Index(f.k());
  if (length % Eigen::Index(f.k()) != 0 || dy.rows() != (row ? 1 : units) ||
      dy.cols() != (row ? units : x.cols())) {
    actfn::detail::fail("eigen::backward", "maxout with k = ", f.k(), " takes x of ",
                        detail::shape(x.rows(), x.cols()),
                        " to outputs of another shape than dy's ",
                        detail::shape(dy.rows(), dy.cols()));
  }
  const auto x_columns = detail::group_columns(x);
  const auto dy_columns = detail::group_columns(dy);
  Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> dx_columns(x_columns.rows(), x_columns.cols());
  for (Eigen::Index j = 0; j < x_columns.cols(); ++j) {
    f.backward(x_columns.col(j).data(), dy_columns.col(j).data(), dx_columns.col(j).data(),
               static_cast<std::size_t>(length));
  }
  typename X::PlainObject dx(x.rows(), x.cols());
  if (row) {
    dx = dx_columns.transpose();
  } else {
    dx = dx_columns;
  }
  return dx;
}

// The gated functions (glu, swiglu, ...) on each row of a rows x 2 half
// matrix [A | B]: forward gives rows x half, A * f(B); backward gives dX of
// X's shape, [dY * f(B) | dY * A * f'(B)]. Any storage order: each column
// pair (a column of A, its column of B) is one contiguous run of actfn's
// kernel, of a copy where X is not a plain column-major object.
namespace detail {
template <class X>
void require_even_cols(Eigen::DenseBase<X> const& x, const char* function, const char* name) {
  if (x.cols() % 2 != 0) {
    actfn::detail::fail(function, name, " has ", x.cols(),
                        " columns, not 2 * half ([a | b] in each row)");
  }
}
}  // namespace detail

template <class Activation, class X>
detail::maxout_result<X> forward(actfn::gated<Activation> const& f, Eigen::DenseBase<X> const& x) {
  using T = typename Activation::value_type;
  static_assert(std::is_same<detail::scalar_t<X>, T>::value, "x holds the function's value type");
  detail::require_even_cols(x, "eigen::forward", "x");
  const Eigen::Index half = x.cols() / 2, rows = x.rows();
  Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> columns;
  columns = x.derived();
  detail::maxout_result<X> y(rows, half);  // column-major: column j at j * rows
  const actfn::detail::kernel_environment environment;
  for (Eigen::Index j = 0; j < half; ++j) {
    actfn::detail::gated_forward(f.activation(), columns.col(j).data(),
                                 columns.col(half + j).data(), y.data() + j * rows,
                                 static_cast<std::size_t>(rows));
  }
  return y;
}

// mode (optional, last): actfn::accumulate or actfn::beta(b), over the dX
// passed in (backward_into).
template <class Activation, class X, class G, class Out,
          class Mode = output_beta<typename Activation::value_type>>
void backward_into(actfn::gated<Activation> const& f, Eigen::DenseBase<X> const& x,
                   Eigen::DenseBase<G> const& dy, Out&& dx, Mode mode = Mode{}) {
  using T = typename Activation::value_type;
  detail::require_even_cols(x, "eigen::backward", "x");
  const Eigen::Index half = x.cols() / 2, rows = x.rows();
  if (dy.rows() != rows || dy.cols() != half) {
    actfn::detail::fail("eigen::backward", "x of ", detail::shape(rows, x.cols()), " takes dy of ",
                        detail::shape(rows, half), ", not ", detail::shape(dy.rows(), dy.cols()));
  }
  detail::require_same_shape(x, dx, "eigen::backward", "x", "dx");
  const T b = actfn::detail::beta_of<T>(mode, "eigen::backward");
  Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> columns, gradient, result;
  columns = x.derived();
  gradient = dy.derived();
  result.resize(rows, x.cols());
  if (b != T(0)) result = dx.derived();
  const actfn::detail::kernel_environment environment;
  for (Eigen::Index j = 0; j < half; ++j) {
    actfn::detail::gated_backward(
        f.activation(), columns.col(j).data(), columns.col(half + j).data(), gradient.col(j).data(),
        result.col(j).data(), result.col(half + j).data(), static_cast<std::size_t>(rows), b);
  }
  dx.derived() = result;
}

template <class Activation, class X, class G>
typename X::PlainObject backward(actfn::gated<Activation> const& f, Eigen::DenseBase<X> const& x,
                                 Eigen::DenseBase<G> const& dy) {
  typename X::PlainObject dx(x.rows(), x.cols());
  backward_into(f, x, dy, dx);
  return dx;
}

}  // namespace eigen
ACTFN_NAMESPACE_END

// The functors' cost in Eigen's expressions (X.unaryExpr(f)), as their
// descriptors state it, for every functor of the list.
namespace Eigen {
namespace internal {

#define ACTFN_EIGEN_FUNCTOR_COST(functor)                                 \
  template <class T, class Precision>                                     \
  struct functor_traits<actfn::functor<T, Precision>> {                   \
    enum {                                                                \
      Cost = actfn::descriptor<actfn::functor<T, Precision>>::eigen_cost, \
      PacketAccess = false                                                \
    };                                                                    \
  };
ACTFN_ELEMENTWISE_FUNCTIONS(ACTFN_EIGEN_FUNCTOR_COST)
#undef ACTFN_EIGEN_FUNCTOR_COST

}  // namespace internal
}  // namespace Eigen
