// A case statement whose selector or items are real compares reals (as Icarus does), casez too.
module t;
  real r; integer i; reg [3:0] q;
  initial begin
    for (i = 0; i < 5; i = i + 1) begin
      r = i * 0.5;
      case (r)
        0.5: $display("%g half", r);
        1, 2.0: $display("%g int", r);
        default: $display("%g other", r);
      endcase
      q = i;
      case (q)
        1.0: $display("%0d one", q);
        2.5: $display("%0d two.5", q);
        default: $display("%0d other", q);
      endcase
      casez (r)
        1.5: $display("z %g", r);
        default: ;
      endcase
    end
  end
endmodule
