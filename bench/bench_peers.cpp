// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The libraries a user would otherwise call, where they are installed:
// oneDNN's eltwise and softmax primitives (Debian's libdnnl-dev) and
// XNNPACK's unary and softmax operators (libxnnpack-dev with
// libpthreadpool-dev), float, one thread, in the same rows as actfn's
// (function/direction/float/onednn|xnnpack): forward, backward from x, and
// backward from y against actfn's backward_from_output. A peer without a
// function or direction leaves its cell empty. Each primitive or operator is
// created and bound to the buffers once, outside the timed loop, as a
// program that runs it many times would.
#include <algorithm>
#include <functional>
#include <memory>
#include <string>

#include "support.hpp"

#ifdef ACTFN_BENCH_ONEDNN
#include <oneapi/dnnl/dnnl.hpp>

// GNU OpenMP's, which Debian's oneDNN runs on (declared here: clang has no
// omp.h of its own without libomp-dev, whose runtime oneDNN does not use).
extern "C" void omp_set_num_threads(int count);
#endif
#ifdef ACTFN_BENCH_XNNPACK
#include <xnnpack.h>
#endif

namespace bench {
namespace {

// body(buffers, n) for a kernel that prepare(buffers, n) binds to the
// buffers' addresses: bound again whenever the buffers or n change (a new
// run), so only a run's first iteration pays for it.
template <class Prepare>
auto prepared(Prepare prepare) {
  struct binding {
    const float* x = nullptr;
    const float* dy = nullptr;
    const float* out = nullptr;
    std::size_t n = 0;
    std::function<void()> kernel;
  };
  auto bound = std::make_shared<binding>();
  return [bound, prepare](buffers<float>& d, std::size_t n) {
    if (bound->x != d.x.data() || bound->dy != d.dy.data() || bound->out != d.out.data() ||
        bound->n != n || !bound->kernel) {
      *bound = {d.x.data(), d.dy.data(), d.out.data(), n, prepare(d, n)};
    }
    bound->kernel();
  };
}

#ifdef ACTFN_BENCH_ONEDNN
dnnl::engine& engine() {
  static dnnl::engine cpu(dnnl::engine::kind::cpu, 0);
  return cpu;
}
dnnl::stream& stream() {
  static dnnl::stream in_order(engine());
  return in_order;
}

using algorithm = dnnl::algorithm;

// An eltwise function: forward, backward from x, and (where oneDNN has it)
// backward from y.
struct eltwise {
  const char* name;
  algorithm forward;
  algorithm from_output;  // algorithm::undef where there is none
  float alpha;
  float beta;
};

std::function<void()> eltwise_kernel(eltwise const& e, bool backward, bool from_output,
                                     buffers<float>& d, std::size_t n) {
  using namespace dnnl;
  const memory::desc md({memory::dim(n)}, memory::data_type::f32, memory::format_tag::a);
  const algorithm kind = from_output ? e.from_output : e.forward;
  const eltwise_forward::primitive_desc forward_pd(
      eltwise_forward::desc(prop_kind::forward_training, kind, md, e.alpha, e.beta), engine());
  memory x(md, engine(), d.x.data()), dy(md, engine(), d.dy.data()),
      out(md, engine(), d.out.data());
  if (!backward) {
    auto run = std::make_shared<eltwise_forward>(forward_pd);
    auto arguments = std::make_shared<std::unordered_map<int, memory>>(
        std::unordered_map<int, memory>{{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, out}});
    return [run, arguments] {
      run->execute(stream(), *arguments);
      stream().wait();
    };
  }
  const eltwise_backward::primitive_desc backward_pd(
      eltwise_backward::desc(kind, md, md, e.alpha, e.beta), engine(), forward_pd);
  auto run = std::make_shared<eltwise_backward>(backward_pd);
  // x's values stand for y where the kernel reads the output.
  auto arguments = std::make_shared<std::unordered_map<int, memory>>(
      std::unordered_map<int, memory>{{from_output ? DNNL_ARG_DST : DNNL_ARG_SRC, x},
                                      {DNNL_ARG_DIFF_DST, dy},
                                      {DNNL_ARG_DIFF_SRC, out}});
  return [run, arguments] {
    run->execute(stream(), *arguments);
    stream().wait();
  };
}

void add_onednn_eltwise() {
  // One thread, as every other column.
  omp_set_num_threads(1);
  // actfn's default parameters: leaky_relu's 0.01, elu's 1, silu's beta 1,
  // relu6 and hard_tanh as clips.
  const eltwise functions[] = {
      {"sigmoid", algorithm::eltwise_logistic, algorithm::eltwise_logistic_use_dst_for_bwd, 0, 0},
      {"tanh", algorithm::eltwise_tanh, algorithm::eltwise_tanh_use_dst_for_bwd, 0, 0},
      {"relu", algorithm::eltwise_relu, algorithm::eltwise_relu_use_dst_for_bwd, 0, 0},
      {"leaky_relu", algorithm::eltwise_relu, algorithm::eltwise_relu_use_dst_for_bwd, 0.01f, 0},
      {"elu", algorithm::eltwise_elu, algorithm::eltwise_elu_use_dst_for_bwd, 1, 0},
      {"gelu_erf", algorithm::eltwise_gelu_erf, algorithm::undef, 0, 0},
      {"gelu_tanh", algorithm::eltwise_gelu_tanh, algorithm::undef, 0, 0},
      {"silu", algorithm::eltwise_swish, algorithm::undef, 1, 0},
      {"softplus", algorithm::eltwise_soft_relu, algorithm::undef, 0, 0},
      {"log_sigmoid", algorithm::eltwise_logsigmoid, algorithm::undef, 0, 0},
      {"mish", algorithm::eltwise_mish, algorithm::undef, 0, 0},
      {"hard_swish", algorithm::eltwise_hardswish, algorithm::undef, 0, 0},
      {"relu6", algorithm::eltwise_clip, algorithm::undef, 0, 6},
      {"hard_tanh", algorithm::eltwise_clip, algorithm::undef, -1, 1},
  };
  for (eltwise const& e : functions) {
    const std::string name = e.name;
    const auto add = [&](const char* direction, bool backward, bool from_output) {
      register_sizes<float>(name + "/" + direction, "onednn",
                            prepared([e, backward, from_output](buffers<float>& d, std::size_t n) {
                              return eltwise_kernel(e, backward, from_output, d, n);
                            }));
    };
    add("forward", false, false);
    add("backward", true, false);
    if (e.from_output != algorithm::undef) add("backward_from_output", true, true);
  }
}

// softmax or log-softmax of each row: forward, and backward (from y, as
// actfn's).
void add_onednn_softmax(bool logarithms) {
  using namespace dnnl;
  const std::string function = logarithms ? "log_softmax" : "softmax";
  const auto add = [&](bool backward) {
    register_shapes<float>(
        function + (backward ? "/backward" : "/forward") + "/float/onednn",
        [logarithms, backward,
         bound = std::make_shared<std::pair<const float*, std::function<void()>>>()](
            buffers<float>& d, std::size_t rows, std::size_t cols) {
          if (bound->first != d.x.data() || !bound->second) {
            const memory::desc md({memory::dim(rows), memory::dim(cols)}, memory::data_type::f32,
                                  memory::format_tag::ab);
            memory x(md, engine(), d.x.data()), dy(md, engine(), d.dy.data()),
                out(md, engine(), d.out.data());
            std::shared_ptr<primitive> run;
            std::unordered_map<int, memory> arguments;
            if (logarithms) {
              const logsoftmax_forward::primitive_desc pd(
                  logsoftmax_forward::desc(prop_kind::forward_training, md, 1), engine());
              run = backward ? std::shared_ptr<primitive>(std::make_shared<logsoftmax_backward>(
                                   logsoftmax_backward::primitive_desc(
                                       logsoftmax_backward::desc(md, md, 1), engine(), pd)))
                             : std::make_shared<logsoftmax_forward>(pd);
            } else {
              const softmax_forward::primitive_desc pd(
                  softmax_forward::desc(prop_kind::forward_training, md, 1), engine());
              run = backward ? std::shared_ptr<primitive>(std::make_shared<softmax_backward>(
                                   softmax_backward::primitive_desc(
                                       softmax_backward::desc(md, md, 1), engine(), pd)))
                             : std::make_shared<softmax_forward>(pd);
            }
            if (backward) {
              arguments = {{DNNL_ARG_DST, x}, {DNNL_ARG_DIFF_DST, dy}, {DNNL_ARG_DIFF_SRC, out}};
            } else {
              arguments = {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, out}};
            }
            *bound = {d.x.data(), [run, arguments] {
                        run->execute(stream(), arguments);
                        stream().wait();
                      }};
          }
          bound->second();
        });
  };
  add(false);
  add(true);
}
#endif

#ifdef ACTFN_BENCH_XNNPACK
using operator_handle = std::shared_ptr<xnn_operator>;

operator_handle owned(xnn_operator_t op) { return operator_handle(op, xnn_delete_operator); }

// A unary operator over n values: create(n, &op) makes it, setup binds it.
template <class Create, class Setup>
void add_xnnpack_unary(const char* name, Create create, Setup setup) {
  register_sizes<float>(
      std::string(name) + "/forward", "xnnpack",
      prepared([create, setup](buffers<float>& d, std::size_t n) {
        xnn_operator_t op = nullptr;
        create(n, &op);
        const operator_handle handle = owned(op);
        setup(op, 1, d.x.data(), d.out.data(), nullptr);
        return std::function<void()>([handle] { xnn_run_operator(handle.get(), nullptr); });
      }));
}

void add_xnnpack() {
  if (xnn_initialize(nullptr) != xnn_status_success) {
    std::printf("XNNPACK: xnn_initialize failed on this CPU; its columns stay empty\n");
    return;
  }
  add_xnnpack_unary(
      "sigmoid",
      [](std::size_t n, xnn_operator_t* op) { xnn_create_sigmoid_nc_f32(n, n, n, 0, op); },
      xnn_setup_sigmoid_nc_f32);
  add_xnnpack_unary(
      "elu", [](std::size_t n, xnn_operator_t* op) { xnn_create_elu_nc_f32(n, n, n, 1.0f, 0, op); },
      xnn_setup_elu_nc_f32);
  add_xnnpack_unary(
      "leaky_relu",
      [](std::size_t n, xnn_operator_t* op) {
        xnn_create_leaky_relu_nc_f32(n, n, n, 0.01f, 0, op);
      },
      xnn_setup_leaky_relu_nc_f32);
  add_xnnpack_unary(
      "hard_swish",
      [](std::size_t n, xnn_operator_t* op) { xnn_create_hardswish_nc_f32(n, n, n, 0, op); },
      xnn_setup_hardswish_nc_f32);
  const auto clamp = [](float low, float high) {
    return [low, high](std::size_t n, xnn_operator_t* op) {
      xnn_create_clamp_nc_f32(n, n, n, low, high, 0, op);
    };
  };
  add_xnnpack_unary("relu", clamp(0, std::numeric_limits<float>::infinity()),
                    xnn_setup_clamp_nc_f32);
  add_xnnpack_unary("relu6", clamp(0, 6), xnn_setup_clamp_nc_f32);
  add_xnnpack_unary("hard_tanh", clamp(-1, 1), xnn_setup_clamp_nc_f32);
  register_shapes<float>("softmax/forward/float/xnnpack",
                         [bound = std::make_shared<std::pair<const float*, operator_handle>>()](
                             buffers<float>& d, std::size_t rows, std::size_t cols) {
                           if (bound->first != d.x.data() || !bound->second) {
                             xnn_operator_t op = nullptr;
                             xnn_create_softmax_nc_f32(cols, cols, cols, 0, &op);
                             *bound = {d.x.data(), owned(op)};
                             xnn_setup_softmax_nc_f32(op, rows, d.x.data(), d.out.data(), nullptr);
                           }
                           xnn_run_operator(bound->second.get(), nullptr);
                         });
}
#endif

}  // namespace

void register_peers() {
#ifdef ACTFN_BENCH_ONEDNN
  add_onednn_eltwise();
  add_onednn_softmax(false);
  add_onednn_softmax(true);
#endif
#ifdef ACTFN_BENCH_XNNPACK
  add_xnnpack();
#endif
}

}  // namespace bench
