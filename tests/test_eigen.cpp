// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/eigen.hpp>

#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/all_functions.hpp"
#include "support/checks.hpp"

namespace {

template <class T>
using matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T>
using row_major = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <class M>
void fill_random(M& m, unsigned seed, double scale = 6) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> uniform(-scale, scale);
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      m(i, j) = static_cast<typename M::Scalar>(uniform(random));
    }
  }
}

// Every coefficient of a equals b's, bit for bit.
template <class A, class B>
bool same_bits(A const& a, B const& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index j = 0; j < a.cols(); ++j) {
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      if (!support::same(a(i, j), b(i, j))) return false;
    }
  }
  return true;
}

// The pointer API's results for x's coefficients, in a column-major copy.
template <class F, class X, class G>
void expected_elementwise(F const& f, X const& x, G const& dy, matrix<typename F::value_type>& y,
                          matrix<typename F::value_type>& d, matrix<typename F::value_type>& dx) {
  using T = typename F::value_type;
  const matrix<T> packed = x, gradient = dy;
  y.resize(x.rows(), x.cols());
  d.resize(x.rows(), x.cols());
  dx.resize(x.rows(), x.cols());
  const auto n = static_cast<std::size_t>(packed.size());
  actfn::forward(f, packed.data(), y.data(), n);
  actfn::derivative(f, packed.data(), d.data(), n);
  actfn::backward(f, packed.data(), gradient.data(), dx.data(), n);
}

// Every entry point of f on x (and dy), bit for bit the pointer API's.
template <class F, class X, class G>
void check_every_entry_point(F const& f, X const& x, G const& dy) {
  using T = typename F::value_type;
  matrix<T> y, d, dx;
  expected_elementwise(f, x, dy, y, d, dx);
  CHECK(same_bits(actfn::eigen::forward(f, x), y));
  CHECK(same_bits(actfn::eigen::derivative(f, x), d));
  CHECK(same_bits(actfn::eigen::backward(f, x, dy), dx));
  // Into existing destinations of either storage order, and a block.
  row_major<T> out(x.rows(), x.cols());
  actfn::eigen::forward_into(f, x, out);
  CHECK(same_bits(out, y));
  matrix<T> target = matrix<T>::Zero(x.rows() + 2, x.cols() + 1);
  actfn::eigen::backward_into(f, x, dy, target.block(1, 1, x.rows(), x.cols()));
  CHECK(same_bits(target.block(1, 1, x.rows(), x.cols()), dx));
  CHECK(target(0, 0) == T(0));  // nothing outside the block is written
  // Through a Ref, over what backward_into wrote.
  Eigen::Ref<matrix<T>> derivative_target = target.block(0, 0, x.rows(), x.cols());
  actfn::eigen::derivative_into(f, x, derivative_target);
  CHECK(same_bits(target.block(0, 0, x.rows(), x.cols()), d));
  // Inside Eigen's own expressions.
  const matrix<T> expression = x.unaryExpr(f);
  CHECK(same_bits(expression, y));
}

}  // namespace

// The adapters are one template over the functor: every functor goes through
// forward, derivative, backward and unaryExpr on a matrix, and every entry point on every kind of dense
// object through a smooth and a piecewise functor (all ten kinds for all thirty functors took
// minutes to compile and tested nothing more).
TEMPLATE_TEST_CASE("eigen: every functor", "[eigen]", float, double) {
  using T = TestType;
  matrix<T> big(40, 30), gradient_big(40, 30);
  fill_random(big, 1);
  fill_random(gradient_big, 2);
  support::for_each_function<T>([&](std::string const& name, auto const& f) {
    INFO(name);
    matrix<T> y, d, dx;
    expected_elementwise(f, big, gradient_big, y, d, dx);
    CHECK(same_bits(actfn::eigen::forward(f, big), y));
    CHECK(same_bits(actfn::eigen::derivative(f, big), d));
    CHECK(same_bits(actfn::eigen::backward(f, big, gradient_big), dx));
    const matrix<T> expression = big.unaryExpr(f);
    CHECK(same_bits(expression, y));
  });
}

TEMPLATE_TEST_CASE("eigen: elementwise on every kind of dense object", "[eigen]", float, double) {
  using T = TestType;
  matrix<T> big(40, 30), gradient_big(40, 30);
  fill_random(big, 1);
  fill_random(gradient_big, 2);
  const row_major<T> big_row_major = big;
  const auto check_all = [&](auto const& f) {
    check_every_entry_point(f, big, gradient_big);                              // contiguous
    check_every_entry_point(f, big_row_major, gradient_big);                    // mixed orders
    check_every_entry_point(f, big.block(3, 2, 17, 9), gradient_big.block(0, 0, 17, 9));
    check_every_entry_point(f, big.col(4), gradient_big.col(5));                // a column
    check_every_entry_point(f, big.row(4), gradient_big.row(5));                // inner stride
    const Eigen::Map<const matrix<T>, 0, Eigen::Stride<Eigen::Dynamic, 2>> strided(
        big.data(), 10, 6, Eigen::Stride<Eigen::Dynamic, 2>(40, 2));
    check_every_entry_point(f, strided, gradient_big.block(0, 0, 10, 6));
    const Eigen::Array<T, Eigen::Dynamic, 1> array = big.col(0).array();
    check_every_entry_point(f, array, gradient_big.col(0).array());
    check_every_entry_point(f, big * T(0.5), gradient_big);  // an expression
    const Eigen::Ref<const matrix<T>> reference_to_block = big.block(1, 1, 8, 8);
    check_every_entry_point(f, reference_to_block, gradient_big.block(2, 2, 8, 8));  // Ref
    const Eigen::Matrix<T, 4, 4> fixed = big.template block<4, 4>(0, 0);
    check_every_entry_point(f, fixed, gradient_big.template block<4, 4>(5, 5));  // fixed size
  };
  check_all(actfn::gelu_tanh<T>{});
  check_all(actfn::leaky_relu<T>(T(0.1)));
}

TEMPLATE_TEST_CASE("eigen: second derivative", "[eigen]", float, double) {
  using T = TestType;
  matrix<T> big(40, 30);
  fill_random(big, 4);
  const auto check = [&](auto const& f, auto const& x) {
    const matrix<T> packed = x;
    matrix<T> expected(x.rows(), x.cols());
    actfn::second_derivative(f, packed.data(), expected.data(),
                             static_cast<std::size_t>(packed.size()));
    CHECK(same_bits(actfn::eigen::second_derivative(f, x), expected));
    row_major<T> out(x.rows(), x.cols());
    actfn::eigen::second_derivative_into(f, x, out);
    CHECK(same_bits(out, expected));
  };
  check(actfn::sigmoid<T>{}, big);
  check(actfn::mish<T>{}, big.block(3, 2, 17, 9));  // outer stride
  check(actfn::gelu_erf<T>{}, big.row(4));       // inner stride
  check(actfn::silu<T>(T(1.702)), big * T(0.5));  // an expression
  matrix<T> wrong(5, 7);
  CHECK_THROWS_WITH(actfn::eigen::second_derivative_into(actfn::tanh<T>{}, big, wrong),
                    "actfn::eigen::second_derivative_into: out is 5x7 but x is 40x30");
}

TEMPLATE_TEST_CASE("eigen: backward with accumulate and beta", "[eigen]", float, double) {
  using T = TestType;
  matrix<T> big(40, 30), gradient_big(40, 30), start(40, 30);
  fill_random(big, 5);
  fill_random(gradient_big, 6);
  fill_random(start, 7);
  const actfn::silu<T> f;
  // dx starts as `start`'s coefficients; the pointer API on packed copies is
  // the expected result.
  const auto check = [&](auto const& x, auto const& dy, auto&& dx, auto mode) {
    const matrix<T> packed_x = x, packed_dy = dy;
    matrix<T> expected = dx;
    actfn::backward(f, packed_x.data(), packed_dy.data(), expected.data(),
                    static_cast<std::size_t>(packed_x.size()), mode);
    actfn::eigen::backward_into(f, x, dy, dx, mode);
    CHECK(same_bits(dx, expected));
  };
  for (int accumulate = 0; accumulate < 2; ++accumulate) {
    INFO("accumulate " << accumulate);
    const auto run = [&](auto mode) {
      matrix<T> dx = start;
      check(big, gradient_big, dx, mode);  // contiguous
      row_major<T> dx_row_major = start;
      check(big, gradient_big, dx_row_major, mode);  // through plain copies
      matrix<T> target = start;
      check(big.block(3, 2, 17, 9), gradient_big.block(0, 0, 17, 9),
            target.block(1, 1, 17, 9), mode);  // outer stride
      CHECK(target(0, 0) == start(0, 0));
      check(big.row(4), gradient_big.row(5), target.row(2), mode);  // inner stride
    };
    if (accumulate == 1) {
      run(actfn::accumulate);
    } else {
      run(actfn::beta(T(-0.5)));
    }
  }
  matrix<T> dx = start;
  CHECK_THROWS_WITH(actfn::eigen::backward_into(f, big, gradient_big, dx,
                                                actfn::beta(std::numeric_limits<T>::infinity())),
                    "actfn::eigen::backward_into: beta must be finite, got inf");
  CHECK(same_bits(dx, start));
}

TEMPLATE_TEST_CASE("eigen: in place and bad shapes", "[eigen][errors]", float, double) {
  using T = TestType;
  const actfn::gelu_erf<T> f;
  matrix<T> x(7, 5);
  fill_random(x, 3);
  const matrix<T> expected = actfn::eigen::forward(f, x);
  actfn::eigen::forward_into(f, x, x);
  CHECK(same_bits(x, expected));
  matrix<T> wrong(5, 7);
  CHECK_THROWS_WITH(actfn::eigen::forward_into(f, x, wrong),
                    "actfn::eigen::forward_into: out is 5x7 but x is 7x5");
  CHECK_THROWS_WITH(actfn::eigen::backward(f, x, wrong),
                    "actfn::eigen::backward_into: dy is 5x7 but x is 7x5");
}

TEMPLATE_TEST_CASE("eigen: functor costs", "[eigen]", float, double) {
  using T = TestType;
  using Eigen::internal::functor_traits;
  constexpr int gelu_erf = functor_traits<actfn::gelu_erf<T>>::Cost;
  constexpr int sigmoid = functor_traits<actfn::sigmoid<T>>::Cost;
  constexpr int relu = functor_traits<actfn::relu<T>>::Cost;
  STATIC_REQUIRE(gelu_erf > sigmoid);
  STATIC_REQUIRE(sigmoid > relu);
  STATIC_REQUIRE(!functor_traits<actfn::tanh<T>>::PacketAccess);
}

TEMPLATE_TEST_CASE("eigen: softmax along rows and columns", "[eigen][softmax]", float, double) {
  using T = TestType;
  using actfn::eigen::each;
  matrix<T> x(13, 21), dy(13, 21);
  fill_random(x, 4, 20);
  fill_random(dy, 5, 1);
  for (bool logarithms : {false, true}) {
    INFO((logarithms ? "log_softmax" : "softmax"));
    const auto run = [&](auto const& f) {
      // The pointer API on packed rows of x, and on packed rows of x^T.
      row_major<T> rows = x, y_rows(x.rows(), x.cols()), dx_rows(x.rows(), x.cols());
      row_major<T> gradient_rows = dy;
      f.forward(rows.data(), y_rows.data(), 13, 21);
      f.backward(y_rows.data(), gradient_rows.data(), dx_rows.data(), 13, 21);
      row_major<T> columns = x.transpose(), y_columns(21, 13), dx_columns(21, 13);
      row_major<T> gradient_columns = dy.transpose();
      f.forward(columns.data(), y_columns.data(), 21, 13);
      f.backward(y_columns.data(), gradient_columns.data(), dx_columns.data(), 21, 13);

      const row_major<T> x_row_major = x;
      for (each along : {each::row, each::column}) {
        const bool by_row = along == each::row;
        const matrix<T> expected_y = by_row ? matrix<T>(y_rows) : matrix<T>(y_columns.transpose());
        const matrix<T> expected_dx =
            by_row ? matrix<T>(dx_rows) : matrix<T>(dx_columns.transpose());
        // Both storage orders, a block, and into a destination.
        CHECK(same_bits(actfn::eigen::forward(f, x, along), expected_y));
        CHECK(same_bits(actfn::eigen::forward(f, x_row_major, along), expected_y));
        CHECK(same_bits(actfn::eigen::backward(f, expected_y, dy, along), expected_dx));
        CHECK(
            same_bits(actfn::eigen::backward(f, row_major<T>(expected_y), dy, along), expected_dx));
        matrix<T> big = matrix<T>::Zero(20, 30);
        big.block(2, 3, 13, 21) = x;
        row_major<T> out(13, 21);
        actfn::eigen::forward_into(f, big.block(2, 3, 13, 21), along, out);
        CHECK(same_bits(out, expected_y));
      }
    };
    if (logarithms) {
      run(actfn::log_softmax<T>{});
      CHECK(same_bits(actfn::eigen::log_softmax(x, each::column),
                      actfn::eigen::forward(actfn::log_softmax<T>{}, x, each::column)));
    } else {
      run(actfn::softmax<T>{});
      CHECK(same_bits(actfn::eigen::softmax(x, each::row),
                      actfn::eigen::forward(actfn::softmax<T>{}, x, each::row)));
    }
  }
  // A vector: one distribution along its length.
  const Eigen::Matrix<T, Eigen::Dynamic, 1> v = x.col(0);
  const Eigen::Matrix<T, Eigen::Dynamic, 1> p = actfn::eigen::softmax(v, each::column);
  CHECK(std::fabs(p.sum() - T(1)) <= 4 * std::numeric_limits<T>::epsilon());
  matrix<T> wrong(2, 2);
  CHECK_THROWS_WITH(actfn::eigen::forward_into(actfn::softmax<T>{}, x, each::row, wrong),
                    "actfn::eigen::forward_into: out is 2x2 but x is 13x21");
}

TEMPLATE_TEST_CASE("eigen: maxout on a vector and on each column", "[eigen][maxout]", float,
                   double) {
  using T = TestType;
  const actfn::maxout<T> f(3);
  matrix<T> x(12, 5), dy(4, 5);
  fill_random(x, 6);
  fill_random(dy, 7);
  const matrix<T> y = actfn::eigen::forward(f, x);
  const matrix<T> dx = actfn::eigen::backward(f, x, dy);
  REQUIRE(y.rows() == 4);
  REQUIRE(y.cols() == 5);
  for (Eigen::Index j = 0; j < 5; ++j) {
    const std::vector<T> column(x.col(j).data(), x.col(j).data() + 12);
    const std::vector<T> gradient(dy.col(j).data(), dy.col(j).data() + 4);
    std::vector<T> expected(4), expected_dx(12);
    f.forward(column, expected);
    f.backward(column, gradient, expected_dx);
    for (Eigen::Index i = 0; i < 4; ++i) CHECK(support::same(y(i, j), expected[i]));
    for (Eigen::Index i = 0; i < 12; ++i) CHECK(support::same(dx(i, j), expected_dx[i]));
  }
  // A row-major copy and a row vector give the same.
  CHECK(same_bits(actfn::eigen::forward(f, row_major<T>(x)), y));
  const Eigen::Matrix<T, 1, Eigen::Dynamic> row = x.col(2).transpose();
  const Eigen::Matrix<T, 1, Eigen::Dynamic> row_y = actfn::eigen::forward(f, row);
  CHECK(same_bits(row_y, y.col(2).transpose()));
  const Eigen::Array<T, Eigen::Dynamic, 1> array = x.col(1).array();
  CHECK(same_bits(actfn::eigen::forward(f, array), y.col(1)));
  CHECK(same_bits(actfn::eigen::backward(f, row, dy.col(2).transpose()), dx.col(2).transpose()));
  CHECK_THROWS_WITH(actfn::eigen::forward(f, matrix<T>(10, 2)),
                    "actfn::eigen::forward: maxout's k = 3 does not divide x's rows = 10");
  CHECK_THROWS_WITH(actfn::eigen::backward(f, x, matrix<T>(5, 5)),
                    "actfn::eigen::backward: maxout with k = 3 takes x of 12x5 to outputs of "
                    "another shape than dy's 5x5");
}

TEMPLATE_TEST_CASE("eigen: gated functions on each row of [A | B], any storage order",
                   "[eigen][gated]", float, double) {
  using T = TestType;
  using row_major = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Index rows = 5, half = 7;
  std::mt19937 random(3);
  std::uniform_real_distribution<T> values(-5, 5);
  row_major x(rows, 2 * half), dy(rows, half), old(rows, 2 * half);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = values(random);
  for (Eigen::Index i = 0; i < dy.size(); ++i) dy.data()[i] = values(random);
  for (Eigen::Index i = 0; i < old.size(); ++i) old.data()[i] = values(random);
  actfn::for_each_tested_functor<actfn::gated_functions<T>>([&](auto const& g) {
    INFO(actfn::describe(g));
    // The pointer API on the row-major rows, against Eigen's column-major
    // matrix, an Array, and a strided block.
    row_major y(rows, half), dx(rows, 2 * half), accumulated = old;
    g.forward(x.data(), y.data(), std::size_t(rows), std::size_t(half));
    g.backward(x.data(), dy.data(), dx.data(), std::size_t(rows), std::size_t(half));
    g.backward(x.data(), dy.data(), accumulated.data(), std::size_t(rows), std::size_t(half),
               actfn::accumulate);
    const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> column_major = x;
    CHECK((actfn::eigen::forward(g, column_major).array() == y.array()).all());
    CHECK((actfn::eigen::forward(g, column_major.array()) == y.array()).all());
    CHECK((actfn::eigen::backward(g, column_major, dy).array() == dx.array()).all());
    Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> sum = old;
    actfn::eigen::backward_into(g, x, dy, sum, actfn::accumulate);
    CHECK((sum.array() == accumulated.array()).all());
    Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> wide(rows + 2, 2 * half + 3);
    wide.setZero();
    wide.block(1, 2, rows, 2 * half) = x;
    CHECK((actfn::eigen::forward(g, wide.block(1, 2, rows, 2 * half)).array() == y.array()).all());
  });
  const actfn::glu<T> glu;
  CHECK_THROWS_WITH(actfn::eigen::forward(glu, row_major(2, 3)),
                    "actfn::eigen::forward: x has 3 columns, not 2 * half ([a | b] in each row)");
  CHECK_THROWS_WITH(actfn::eigen::backward(glu, row_major(2, 4), row_major(2, 3)),
                    "actfn::eigen::backward: x of 2x4 takes dy of 2x2, not 2x3");
}
